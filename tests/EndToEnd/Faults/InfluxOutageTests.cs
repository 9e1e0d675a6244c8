using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd.Faults;

/// <summary>
/// Issue 3 fault test: InfluxDB stopped for 2 minutes, then back: nothing lost, backlog drained. Meanwhile the collector's
/// heartbeat says InfluxDB is down and how much waits in its spill buffer (what the watchdog and the wall read), and
/// says it is healthy again once the backlog is drained.
/// </summary>
public sealed class InfluxOutageTests
{
    [Fact]
    public async Task InfluxStoppedForTwoMinutes_NoPointLost_BacklogDrained_HeartbeatSaidSo()
    {
        await using var spine = await SpineHarness.StartAsync();
        spine.StartCollector();
        spine.StartEdge("room-1");
        await spine.WaitForRowsAsync("room-1", 5, TimeSpan.FromSeconds(60));
        await using var watcher = await TestMqtt.ConnectAsync(spine.Broker, Topic.CollectorHeartbeat);
        List<CollectorHeartbeat> Alive() =>
            [.. watcher.Received.Select(m => CollectorHeartbeat.Parse(m.Payload.Span)).OfType<CollectorHeartbeat>().Where(h => h.Status == CollectorHeartbeatStatus.Alive)];
        await Eventually.WaitAsync(() => Alive().Any(h => h.Influx), TimeSpan.FromSeconds(30), "a healthy heartbeat");

        await spine.Influx.StopAsync(CancellationToken.None);
        var before = Alive().Count;
        await Task.Delay(TimeSpan.FromMinutes(2), TestContext.None);
        var during = Alive().Skip(before).ToList();
        await spine.Influx.RestartAsync(CancellationToken.None);

        var (last, rows, distinct) = await spine.DrainAndCountAsync("room-1", TimeSpan.FromSeconds(180));
        Assert.True(last >= 120, $"only {last} points were measured over the outage; {spine.Diagnostics()}");
        Assert.Equal(last, distinct);
        Assert.Equal(last, rows);
        Assert.Contains(during, h => !h.Influx && h.Spill > 0);
        await Eventually.WaitAsync(() => Alive().Last() is { Influx: true, Spill: 0 }, TimeSpan.FromSeconds(60), "a healthy heartbeat once the backlog is drained");
    }
}
