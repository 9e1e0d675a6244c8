using System.Globalization;
using LiveRoom.Demo.Options;

namespace LiveRoom.Demo.Stack;

/// <summary>Where everything of one demo run lives: absolute paths under the state and bin directories.</summary>
internal sealed class DemoLayout
{
    public DemoLayout(DemoOptions options, string currentDirectory)
    {
        Options = options;
        State = Path.GetFullPath(options.StateDirectory, currentDirectory);
        Bin = Path.GetFullPath(options.BinDirectory, currentDirectory);
    }

    public DemoOptions Options { get; }

    public string State { get; }

    public string Bin { get; }

    public string Logs => Path.Combine(State, "logs");

    /// <summary>Every notice the demo's notice inbox received, one JSON object a line.</summary>
    public string NoticesLog => Path.Combine(Logs, "notices.jsonl");

    public string Mosquitto => Path.Combine(State, "mosquitto");

    public string Influx => Path.Combine(State, "influxdb");

    public string Ingest => Path.Combine(State, "ingest");

    public string Dashboard => Path.Combine(State, "dashboard");

    /// <summary>
    /// The collector's admin token for this run (random, never written to disk), which the dashboard's alert settings
    /// page uses too; only loopback listeners see it.
    /// </summary>
    public string AlertsAdminToken { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>The webhook channel's signing secret for this run (random): the collector signs, the notice inbox checks.</summary>
    public string NoticeSecret { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>Pid of the supervisor, for scripts and tests that want to signal it.</summary>
    public string PidFile => Path.Combine(State, "liveroom-demo.pid");

    public IEnumerable<string> Rooms =>
        Enumerable.Range(1, Options.Rooms).Select(i => string.Create(CultureInfo.InvariantCulture, $"room-{i}"));

    public string Room(string room) => Path.Combine(State, "rooms", room);

    /// <summary>The built dll of a project: <c>{bin}/{Project}/bin/{Configuration}/net10.0/{assembly}.dll</c>.</summary>
    public string Dll(string project, string assembly) =>
        Path.Combine(Bin, project, "bin", Options.Configuration, "net10.0", assembly + ".dll");
}
