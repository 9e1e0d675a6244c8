namespace LiveRoom.EndToEnd.Faults;

/// <summary>Issue 3 fault test: broker killed (SIGKILL, no persistence save) and restarted mid-stream.</summary>
public sealed class BrokerRestartTests
{
    [Fact]
    public async Task BrokerKilledAndRestarted_NoPointLost_NoDuplicateRow()
    {
        await using var spine = await SpineHarness.StartAsync();
        spine.StartCollector();
        spine.StartEdge("room-1");
        spine.StartEdge("room-2");
        await spine.WaitForRowsAsync("room-1", 5, TimeSpan.FromSeconds(60));

        spine.Broker.Kill();
        // The edges keep measuring into their outboxes while the broker is gone.
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.None);
        await spine.Broker.RestartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.None);

        foreach (var room in new[] { "room-1", "room-2" })
        {
            var (last, rows, distinct) = await spine.DrainAndCountAsync(room, TimeSpan.FromSeconds(120));
            Assert.True(last >= 12, $"{room}: only {last} points were measured; {spine.Diagnostics()}");
            Assert.Equal(last, distinct);
            Assert.Equal(last, rows);
        }
    }
}
