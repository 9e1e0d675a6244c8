namespace LiveRoom.EndToEnd.Faults;

/// <summary>Issue 3 fault test: the edge's link cut for 2 minutes, the edge process restarted during the cut.</summary>
public sealed class EdgeLinkCutTests
{
    [Fact]
    public async Task LinkCutTwoMinutesWithEdgeRestart_NoPointLost_NoDuplicateRow()
    {
        await using var spine = await SpineHarness.StartAsync();
        spine.StartCollector();
        spine.StartEdge("room-1", viaRelay: true);
        await spine.WaitForRowsAsync("room-1", 5, TimeSpan.FromSeconds(60));

        spine.Relay("room-1").Cut();
        await Task.Delay(TimeSpan.FromMinutes(1), TestContext.None);
        // A crash of the studio PC's edge process in the middle of the outage: its outbox must carry over.
        await spine.KillEdgeAsync("room-1");
        spine.StartEdge("room-1", viaRelay: true);
        await Task.Delay(TimeSpan.FromMinutes(1), TestContext.None);
        spine.Relay("room-1").Restore();

        var (last, rows, distinct) = await spine.DrainAndCountAsync("room-1", TimeSpan.FromSeconds(180), viaRelay: true);
        Assert.True(last >= 110, $"only {last} points were measured over the cut; {spine.Diagnostics()}");
        Assert.Equal(last, distinct);
        Assert.Equal(last, rows);
    }
}
