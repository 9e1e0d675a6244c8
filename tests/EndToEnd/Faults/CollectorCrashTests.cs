namespace LiveRoom.EndToEnd.Faults;

/// <summary>Issue 3 fault test: the collector killed with SIGKILL and restarted.</summary>
public sealed class CollectorCrashTests
{
    [Fact]
    public async Task CollectorKilledAndRestarted_NoPointLost_NoDuplicateRow()
    {
        await using var spine = await SpineHarness.StartAsync();
        spine.StartCollector();
        spine.StartEdge("room-1");
        await spine.WaitForRowsAsync("room-1", 5, TimeSpan.FromSeconds(60));

        await spine.KillCollectorAsync();
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.None);
        spine.StartCollector();

        var (last, rows, distinct) = await spine.DrainAndCountAsync("room-1", TimeSpan.FromSeconds(120));
        Assert.True(last >= 10, $"only {last} points were measured; {spine.Diagnostics()}");
        Assert.Equal(last, distinct);
        Assert.Equal(last, rows);
    }
}
