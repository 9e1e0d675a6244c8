using LiveRoom.Runtime.Hosting;

namespace LiveRoom.EndToEnd.Faults;

/// <summary>
/// Primary/standby collectors (seed clause 4.3) as real processes against real Mosquitto and InfluxDB: the standby
/// takes over when the active one dies or stops, nothing is lost on the way, and two active ones settle on one.
/// </summary>
public sealed class CollectorStandbyTests
{
    // Event ids of src/Ingest/Standby/StandbyLog.cs. The log renders names in quotes.
    private const int StandsBy = 801;
    private const int TakesOver = 802;
    private const int StepsDown = 803;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ActiveKilled_StandbyTakesOver_RestartedOneStandsBy_CleanStopHandsBack_NoPointLost()
    {
        await using var spine = await SpineHarness.StartAsync();
        spine.StartCollector("a");
        Assert.Contains("no collector has published a heartbeat", await spine.WaitForCollectorEventAsync("a", TakesOver, Wait), StringComparison.Ordinal);
        spine.StartEdge("room-1");
        await spine.WaitForRowsAsync("room-1", 5, Wait);
        var b = spine.StartCollector("b");
        Assert.Contains("collector \"a\" is active", await spine.WaitForCollectorEventAsync("b", StandsBy, Wait), StringComparison.Ordinal);

        // A crash: the broker sends a's last will, and b connects the shared session the broker kept queueing for.
        await spine.KillCollectorAsync("a");
        Assert.Contains("collector a died", await spine.WaitForCollectorEventAsync("b", TakesOver, TimeSpan.FromSeconds(20)), StringComparison.Ordinal);
        var rows = await spine.CountAsync("room-1", long.MaxValue / 2);
        await spine.WaitForRowsAsync("room-1", rows + 5, Wait);

        // a comes back: b is alive, so a waits.
        var a = spine.StartCollector("a");
        Assert.Contains("collector \"b\" is active", await spine.WaitForCollectorEventAsync("a", StandsBy, Wait), StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.None);
        Assert.Single(spine.CollectorEvents("a"), e => e.EventId == TakesOver);
        Assert.False(b.HasExited, spine.Diagnostics());

        // A clean stop of b ("stopped" on the heartbeat) hands over to a at once.
        await b.StopAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, b.ExitCode);
        Assert.Contains("collector b stopped", await spine.WaitForCollectorEventAsync("a", TakesOver, TimeSpan.FromSeconds(20), after: 1), StringComparison.Ordinal);

        var (last, stored, distinct) = await spine.DrainAndCountAsync("room-1", TimeSpan.FromSeconds(120));
        Assert.True(last >= 15, $"only {last} points were measured; {spine.Diagnostics()}");
        Assert.Equal(last, distinct);
        Assert.Equal(last, stored);
        Assert.False(a.HasExited, spine.Diagnostics());
    }

    [Fact]
    public async Task TwoActive_TheOneThatDoesNotOutrankStepsDownWithCode4_NoPointLost()
    {
        await using var spine = await SpineHarness.StartAsync();
        var b = spine.StartCollector("b");
        await spine.WaitForCollectorEventAsync("b", TakesOver, Wait);
        spine.StartEdge("room-1");
        await spine.WaitForRowsAsync("room-1", 5, Wait);

        // A collector without standby settings starts at once on the same session: two are active. It never steps
        // down, so b must (as "a" would, after a split start).
        var single = spine.StartCollector();

        Assert.Equal(HostRunner.SteppedDown, await b.Exited.WaitAsync(Wait));
        Assert.Contains("collector \"(unnamed)\" is active as well", await spine.WaitForCollectorEventAsync("b", StepsDown, TimeSpan.FromSeconds(1)), StringComparison.Ordinal);
        var rows = await spine.CountAsync("room-1", long.MaxValue / 2);
        await spine.WaitForRowsAsync("room-1", rows + 5, Wait);
        var (last, stored, distinct) = await spine.DrainAndCountAsync("room-1", TimeSpan.FromSeconds(120));
        Assert.True(last >= 10, $"only {last} points were measured; {spine.Diagnostics()}");
        Assert.Equal(last, distinct);
        Assert.Equal(last, stored);
        Assert.False(single.HasExited, spine.Diagnostics());
    }
}
