using LiveRoom.Contracts.Topics;
using Microsoft.Extensions.Configuration;

namespace LiveRoom.Probe.Vision.Commissioning;

/// <summary>
/// <c>liveroom-probe reference capture|approve --room R [--site S] [--source URL] [--dir DIR] [--config FILE]
/// [--capture ID] [--regions FILE|SPEC] [--by NAME] [--ffmpeg PATH]</c>. What is not given comes from the edge's
/// configuration file (<c>Probe:Site</c>, <c>Probe:Room</c>, <c>Probe:SourceUrl</c>, <c>Probe:ReferenceDirectory</c>,
/// <c>Probe:Ffmpeg</c>); the directory defaults as the worker's does: <c>reference/{site}-{room}</c> under
/// <c>$STATE_DIRECTORY</c>, else the working directory.
/// </summary>
internal sealed record ReferenceArguments(string Action, string Room, string Directory, string? Source, string Ffmpeg, string? Capture, string? Regions, string By)
{
    public const string Usage =
        "usage: liveroom-probe reference capture --room R [--source URL] [--site S | --dir DIR] [--config FILE] [--ffmpeg PATH]\n"
        + "       liveroom-probe reference approve --room R --capture ID --regions FILE|SPEC [--by NAME] [--site S | --dir DIR] [--config FILE]\n"
        + "       SPEC: backdrop=x,y,w,h;desk=x,y,w,h;seat=x,y,w,h;background=x,y,w,h (fractions of the frame, 0..1)";

    public static ReferenceArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count == 0 || args[0] is not ("capture" or "approve"))
        {
            error = "expected 'capture' or 'approve'";
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is not ("--room" or "--site" or "--source" or "--dir" or "--config" or "--capture" or "--regions" or "--by" or "--ffmpeg") || i + 1 >= args.Count)
            {
                error = $"unknown or incomplete argument '{args[i]}'";
                return null;
            }

            values[args[i][2..]] = args[++i];
        }

        IConfiguration? config = null;
        if (values.TryGetValue("config", out var file))
        {
            if (!File.Exists(file))
            {
                error = $"--config '{file}': no such file";
                return null;
            }

            try
            {
                config = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file), optional: false).Build();
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
            {
                error = $"--config '{file}': {ex.Message}";
                return null;
            }
        }

        string? Get(string arg, string key) => values.TryGetValue(arg, out var v) ? v : config?[$"Probe:{key}"] is { Length: > 0 } c ? c : null;
        var room = Get("room", "Room");
        if (!Identifier.IsValid(room, out var bad))
        {
            error = "--room: " + bad;
            return null;
        }

        if (config?["Probe:Room"] is { Length: > 0 } configured && configured != room)
        {
            error = $"--room '{room}' but {file} is the edge of room '{configured}'";
            return null;
        }

        var dir = Get("dir", "ReferenceDirectory");
        if (dir is null)
        {
            if (Get("site", "Site") is not { } site || !Identifier.IsValid(site))
            {
                error = "the reference directory is unknown: give --dir, --site or --config";
                return null;
            }

            var state = Environment.GetEnvironmentVariable("STATE_DIRECTORY")?.Split(':')[0];
            dir = Path.Combine(string.IsNullOrEmpty(state) ? Environment.CurrentDirectory : state, "reference", $"{site}-{room}");
        }

        var action = args[0];
        var source = Get("source", "SourceUrl");
        if (action == "capture" && string.IsNullOrWhiteSpace(source))
        {
            error = "capture needs --source (or Probe:SourceUrl in --config)";
            return null;
        }

        values.TryGetValue("capture", out var capture);
        values.TryGetValue("regions", out var regions);
        if (action == "approve" && (capture is null || regions is null))
        {
            error = "approve needs --capture ID and --regions FILE|SPEC";
            return null;
        }

        var by = values.TryGetValue("by", out var who) ? who : Environment.UserName;
        return new ReferenceArguments(action, room!, dir, source, Get("ffmpeg", "Ffmpeg") ?? ProbeDefaults.Ffmpeg, capture, regions, by);
    }
}
