using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;
using Xunit.Abstractions;

namespace LiveRoom.EndToEnd.Demo;

/// <summary>
/// Issue 2, "Done when": `make demo` shows live metrics for 3 rooms from real Mosquitto + InfluxDB + ffmpeg,
/// and SIGTERM leaves no child process running. Runs the real liveroom-demo as a process.
/// </summary>
public sealed partial class DemoEndToEndTests(ITestOutputHelper output)
{
    private const int Rooms = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DataTimeout = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Demo_ThreeRooms_LiveRestartsKilledChildAndSigtermLeavesNoProcess()
    {
        using var state = new TempDirectory("demo");
        var stdout = new List<string>();
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var demo = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "liveroom-demo",
            FileName = "dotnet",
            Arguments =
            [
                RepositoryPaths.ProjectDll("Demo", "liveroom-demo"),
                "--rooms", Rooms.ToString(CultureInfo.InvariantCulture),
                "--state", state.Path,
                "--bin", RepositoryPaths.Src,
                "--configuration", RepositoryPaths.Configuration,
            ],
            WorkingDirectory = state.Path,
            StdoutLine = line =>
            {
                lock (stdout)
                {
                    stdout.Add(line);
                }

                if (DashboardLine().Match(line) is { Success: true } m)
                {
                    url.TrySetResult(new Uri(m.Groups[1].Value));
                }
            },
        });

        var seen = new Dictionary<int, ProcInfo>();
        try
        {
            var dashboard = await url.Task.WaitAsync(StartTimeout);
            output.WriteLine($"dashboard at {dashboard}");
            var started = Stopwatch.StartNew();
            using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(5) };

            var live = await Eventually.WaitAsync(
                async () =>
                {
                    Remember(seen, ProcessTree.Descendants(demo.Id));
                    Assert.False(demo.HasExited, $"the demo exited with {demo.ExitCode}: {Tail(stdout)} {demo.StderrTail()}");
                    return await LiveRoomsAsync(http);
                },
                rooms => rooms.Count(IsLive1080p30) == Rooms,
                DataTimeout,
                $"{Rooms} rooms live at 1920x1080, ~30 fps");
            output.WriteLine($"all {Rooms} rooms live after {started.Elapsed.TotalSeconds:0.0} s: {string.Join("; ", live)}");
            Remember(seen, ProcessTree.Descendants(demo.Id));

            // Sanity: the snapshot holds the whole stack, so "none left" below means something.
            var commands = seen.Values.Select(p => p.Command).ToList();
            Assert.Equal(Rooms, commands.Count(c => c.Contains("testsrc2", StringComparison.Ordinal)));
            Assert.Equal(Rooms, commands.Count(c => c.Contains("liveroom-probe.dll", StringComparison.Ordinal)));
            Assert.Contains(commands, c => c.Contains("mosquitto", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Contains("influxd", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Contains("liveroom-ingest.dll", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Contains("liveroom-dashboard.dll", StringComparison.Ordinal));

            // A child that dies is reported (name, pid, exit code) and restarted; its room comes back.
            var probe = seen.Values.Single(p => p.Command.Contains("liveroom-probe.dll", StringComparison.Ordinal)
                && p.Command.Contains("--Probe:Room=room-2", StringComparison.Ordinal));
            var killedAt = DateTimeOffset.UtcNow;
            using (var victim = Process.GetProcessById(probe.Pid))
            {
                victim.Kill();
            }

            var report = $"probe room-2 (pid {probe.Pid}) exited unexpectedly with code 137";
            await Eventually.WaitAsync(() => Tail(stdout, 200).Contains(report, StringComparison.Ordinal), DataTimeout, report);
            await Eventually.WaitAsync(
                async () =>
                {
                    Remember(seen, ProcessTree.Descendants(demo.Id));
                    return await LiveRoomsAsync(http);
                },
                rooms => rooms.Any(r => r.Room == "room-2" && IsLive1080p30(r) && r.LastSeen > killedAt.AddSeconds(1)),
                DataTimeout,
                "room-2 live again after its edge worker was killed");
            output.WriteLine($"room-2 back after {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0.0} s");
            Remember(seen, ProcessTree.Descendants(demo.Id));

            Assert.True(demo.Signal(15), "SIGTERM could not be sent");
            var code = await demo.Exited.WaitAsync(TimeSpan.FromSeconds(100));
            output.WriteLine(Tail(stdout, 15));
            Assert.Equal(0, code);

            var left = seen.Values.Where(ProcessTree.IsAlive)
                .Concat(ProcessTree.All().Where(p => p.Command.Contains(state.Path, StringComparison.Ordinal)))
                .Select(p => $"{p.Pid}: {p.Command}")
                .Distinct()
                .ToList();
            Assert.True(left.Count == 0, "processes left behind: " + string.Join("; ", left));
        }
        finally
        {
            if (!demo.HasExited)
            {
                demo.Kill();
            }

            foreach (var p in seen.Values.Where(ProcessTree.IsAlive))
            {
                try
                {
                    using var process = Process.GetProcessById(p.Pid);
                    process.Kill(entireProcessTree: true);
                }
                catch (ArgumentException)
                {
                }
                catch (InvalidOperationException)
                {
                }
            }

            await demo.DisposeAsync();
        }
    }

    private static bool IsLive1080p30(LiveRoomDto r) =>
        !r.Stale && r.Up == true && r.Width == 1920 && r.Height == 1080 && r.Fps is >= 29.5 and <= 30.5;

    private static async Task<IReadOnlyList<LiveRoomDto>> LiveRoomsAsync(HttpClient http)
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

    private static void Remember(Dictionary<int, ProcInfo> seen, IEnumerable<ProcInfo> processes)
    {
        foreach (var p in processes)
        {
            seen[p.Pid] = p;
        }
    }

    private static string Tail(List<string> lines, int count = 10)
    {
        lock (lines)
        {
            return string.Join("\n", lines.TakeLast(count));
        }
    }

    [GeneratedRegex(@"Dashboard\s+(http://127\.0\.0\.1:\d+/)")]
    private static partial Regex DashboardLine();

    private sealed record LiveRoomsDto(IReadOnlyList<LiveRoomDto> Rooms);

    private sealed record LiveRoomDto(string Site, string Room, double? Width, double? Height, double? Fps, double? BitrateBps, bool? Up, bool Stale, DateTimeOffset? LastSeen)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Site}/{Room} {Width}x{Height} {Fps:0.00} fps {BitrateBps / 1e6:0.00} Mbit/s up={Up} stale={Stale}");
    }
}
