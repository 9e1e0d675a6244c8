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
[Collection(DemoCollection.Name)]
public sealed class DemoEndToEndTests(ITestOutputHelper output)
{
    private const int Rooms = 3;

    /// <summary>What a room's probe command holds: the native executable that ships when make test published it, else the JIT build's dll.</summary>
    private static readonly string ProbeCommand = ProbeExecutable.IsNative(ProbeExecutable.Path) ? ProbeExecutable.Path : "liveroom-probe.dll";
    private static readonly TimeSpan DataTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Demo_ThreeRooms_LiveRestartsKilledChildAndSigtermLeavesNoProcess()
    {
        using var state = new TempDirectory("demo");
        await using var run = DemoRun.Start(state.Path, Rooms);
        var demo = run.Process;
        var seen = new Dictionary<int, ProcInfo>();
        try
        {
            var dashboard = await run.DashboardAsync();
            output.WriteLine($"dashboard at {dashboard}");
            var started = Stopwatch.StartNew();
            using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(5) };

            var live = await Eventually.WaitAsync(
                async () =>
                {
                    Remember(seen, ProcessTree.Descendants(demo.Id));
                    Assert.False(demo.HasExited, $"the demo exited with {demo.ExitCode}: {run.Tail()} {demo.StderrTail()}");
                    return await DemoRun.LiveRoomsAsync(http);
                },
                rooms => rooms.Count(DemoRun.IsLive1080p30) == Rooms,
                DataTimeout,
                $"{Rooms} rooms live at 1920x1080, ~30 fps");
            output.WriteLine($"all {Rooms} rooms live after {started.Elapsed.TotalSeconds:0.0} s: {string.Join("; ", live)}");
            Remember(seen, ProcessTree.Descendants(demo.Id));

            // Sanity: the snapshot holds the whole stack, so "none left" below means something.
            var commands = seen.Values.Select(p => p.Command).ToList();
            Assert.Equal(Rooms, commands.Count(c => c.Contains("testsrc2", StringComparison.Ordinal)));
            Assert.Equal(Rooms, commands.Count(c => c.Contains(ProbeCommand, StringComparison.Ordinal)));
            Assert.Contains(commands, c => c.Contains("mosquitto", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Contains("influxd", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Contains("liveroom-ingest.dll", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Contains("liveroom-dashboard.dll", StringComparison.Ordinal));
            Assert.Contains(commands, c => c.Contains("liveroom-ingest.dll watchdog", StringComparison.Ordinal));

            // room-1's pre-show checklist (its show starts 3 minutes after the demo) tested the uplink and the clock
            // against the collector's endpoint (Ingest:Uplink:Url): both pass on loopback.
            var checklist = await Eventually.WaitAsync(() => ChecklistItemsAsync(http, "room-1"), items => items.GetValueOrDefault("uplink").Status == "pass" && items.GetValueOrDefault("clock").Status == "pass", DataTimeout, "room-1's checklist: uplink and clock pass against the collector");
            output.WriteLine($"room-1 checklist: uplink {checklist["uplink"].Value}, clock {checklist["clock"].Value}");
            Assert.EndsWith(" Mbit/s", checklist["uplink"].Value, StringComparison.Ordinal);

            // A child that dies is reported (name, pid, exit code) and restarted; its room comes back.
            var probe = seen.Values.Single(p => p.Command.Contains(ProbeCommand, StringComparison.Ordinal)
                && p.Command.Contains("--Probe:Room=room-2", StringComparison.Ordinal));
            var killedAt = DateTimeOffset.UtcNow;
            using (var victim = Process.GetProcessById(probe.Pid))
            {
                victim.Kill();
            }

            var report = $"probe room-2 (pid {probe.Pid}) exited unexpectedly with code 137";
            await Eventually.WaitAsync(() => run.Tail(200).Contains(report, StringComparison.Ordinal), DataTimeout, report);
            await Eventually.WaitAsync(
                async () =>
                {
                    Remember(seen, ProcessTree.Descendants(demo.Id));
                    return await DemoRun.LiveRoomsAsync(http);
                },
                rooms => rooms.Any(r => r.Room == "room-2" && DemoRun.IsLive1080p30(r) && r.LastSeen > killedAt.AddSeconds(1)),
                DataTimeout,
                "room-2 live again after its edge worker was killed");
            output.WriteLine($"room-2 back after {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0.0} s");
            Remember(seen, ProcessTree.Descendants(demo.Id));

            Assert.True(demo.Signal(15), "SIGTERM could not be sent");
            var code = await demo.Exited.WaitAsync(TimeSpan.FromSeconds(100));
            output.WriteLine(run.Tail(15));
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
        }
    }

    /// <summary>The newest status and value of each item of the room's latest checklist run (empty until there is one).</summary>
    private static async Task<Dictionary<string, (string Status, string Value)>> ChecklistItemsAsync(HttpClient http, string room)
    {
        var items = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var to = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds();
        try
        {
            using var body = JsonDocument.Parse(await http.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"api/rooms/demo/{room}/checklists?from={to - 3_600_000}&to={to}")));
            var runs = body.RootElement.GetProperty("runs");
            if (runs.GetArrayLength() > 0)
            {
                foreach (var item in runs[runs.GetArrayLength() - 1].GetProperty("items").EnumerateArray())
                {
                    items[item.GetProperty("item").GetString()!] = (item.GetProperty("status").GetString()!, item.GetProperty("value").GetString() ?? string.Empty);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The dashboard is still starting.
        }

        return items;
    }

    private static void Remember(Dictionary<int, ProcInfo> seen, IEnumerable<ProcInfo> processes)
    {
        foreach (var p in processes)
        {
            seen[p.Pid] = p;
        }
    }
}
