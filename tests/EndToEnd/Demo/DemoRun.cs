using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd.Demo;

/// <summary>The real liveroom-demo as a process (what `make demo` runs), with its stdout kept and its dashboard address.</summary>
internal sealed partial class DemoRun : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<string> _stdout = [];
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _notices = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DemoRun(string state, int rooms)
    {
        State = state;
        Process = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "liveroom-demo",
            FileName = "dotnet",
            Arguments =
            [
                RepositoryPaths.ProjectDll("Demo", "liveroom-demo"),
                "--rooms", rooms.ToString(CultureInfo.InvariantCulture),
                "--state", state,
                "--bin", RepositoryPaths.Src,
                "--configuration", RepositoryPaths.Configuration,
                .. ProbeExecutable.IsNative(ProbeExecutable.Path) ? (string[])["--probe", ProbeExecutable.Path] : [],
            ],
            WorkingDirectory = state,
            StdoutLine = line =>
            {
                lock (_stdout)
                {
                    _stdout.Add(line);
                }

                if (DashboardLine().Match(line) is { Success: true } m)
                {
                    _url.TrySetResult(new Uri(m.Groups[1].Value));
                }

                if (NoticesLine().Match(line) is { Success: true } n)
                {
                    _notices.TrySetResult(new Uri(n.Groups[1].Value));
                }
            },
        });
    }

    public ChildProcess Process { get; }

    public string State { get; }

    public static DemoRun Start(string state, int rooms) => new(state, rooms);

    /// <summary>The dashboard's address, once the demo printed its summary.</summary>
    public Task<Uri> DashboardAsync() => _url.Task.WaitAsync(StartTimeout);

    /// <summary>The notice inbox's page, from the summary.</summary>
    public Task<Uri> NoticesAsync() => _notices.Task.WaitAsync(StartTimeout);

    public string Tail(int count = 10)
    {
        lock (_stdout)
        {
            return string.Join("\n", _stdout.TakeLast(count));
        }
    }

    public static async Task<IReadOnlyList<LiveRoomDto>> LiveRoomsAsync(HttpClient http)
    {
        try
        {
            var body = await http.GetFromJsonAsync<LiveRoomsDto>("api/rooms/live", Json);
            return body?.Rooms ?? [];
        }
        catch (HttpRequestException)
        {
            return [];
        }
        catch (TaskCanceledException)
        {
            return [];
        }
    }

    public static bool IsLive1080p30(LiveRoomDto r) =>
        !r.Stale && r.Up == true && r.Width == 1920 && r.Height == 1080 && r.Fps is >= 29.5 and <= 30.5;

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
        }

        await Process.DisposeAsync();
    }

    [GeneratedRegex(@"Dashboard\s+(http://127\.0\.0\.1:\d+/)")]
    private static partial Regex DashboardLine();

    [GeneratedRegex(@"Notices\s+(http://127\.0\.0\.1:\d+/)")]
    private static partial Regex NoticesLine();

    internal sealed record LiveRoomsDto(IReadOnlyList<LiveRoomDto> Rooms);

    internal sealed record LiveRoomDto(string Site, string Room, double? Width, double? Height, double? Fps, double? BitrateBps, bool? Up, bool Stale, DateTimeOffset? LastSeen)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Site}/{Room} {Width}x{Height} {Fps:0.00} fps {BitrateBps / 1e6:0.00} Mbit/s up={Up} stale={Stale}");
    }
}
