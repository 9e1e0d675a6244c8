namespace LiveRoom.EndToEnd.Faults;

/// <summary>Issue 3 fault test: InfluxDB stopped for 2 minutes, then back: nothing lost, backlog drained.</summary>
public sealed class InfluxOutageTests
{
    [Fact]
    public async Task InfluxStoppedForTwoMinutes_NoPointLost_BacklogDrained()
    {
        await using var spine = await SpineHarness.StartAsync();
        spine.StartCollector();
        spine.StartEdge("room-1");
        await spine.WaitForRowsAsync("room-1", 5, TimeSpan.FromSeconds(60));

        await spine.Influx.StopAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMinutes(2), TestContext.None);
        await spine.Influx.RestartAsync(CancellationToken.None);

        var (last, rows, distinct) = await spine.DrainAndCountAsync("room-1", TimeSpan.FromSeconds(180));
        Assert.True(last >= 120, $"only {last} points were measured over the outage; {spine.Diagnostics()}");
        Assert.Equal(last, distinct);
        Assert.Equal(last, rows);
    }
}
