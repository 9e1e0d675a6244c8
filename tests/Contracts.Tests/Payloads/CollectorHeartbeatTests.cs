using System.Text;
using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Contracts.Tests.Payloads;

/// <summary>The heartbeat's wire format: what the collector writes, the watchdog, standbys and the dashboard read.</summary>
public sealed class CollectorHeartbeatTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Alive_WithInstanceAndInterval_ReadsBackEveryField()
    {
        var payload = CollectorHeartbeat.Alive(Now, influx: false, "collector-b", TimeSpan.FromSeconds(10));

        var reading = CollectorHeartbeat.Parse(payload);

        Assert.Equal(new CollectorHeartbeat(CollectorHeartbeatStatus.Alive, "collector-b", false, Now.ToUnixTimeMilliseconds(), 10_000), reading);
        Assert.Equal(TimeSpan.FromSeconds(10), reading!.Interval);
        Assert.Equal("collector-b", reading.Name);
    }

    [Fact]
    public void Alive_WithSpillBacklog_ReadsBackTheBatchesWaiting()
    {
        var reading = CollectorHeartbeat.Parse(CollectorHeartbeat.Alive(Now, influx: false, spill: 42));

        Assert.Equal(42, reading!.Spill);
        Assert.False(reading.Influx);
        Assert.Null(CollectorHeartbeat.Parse("""{"status":"alive","ts":1,"spill":-1}"""u8)!.Spill);
    }

    [Fact]
    public void DeadAndStopped_SingleCollector_UnnamedWithNoClockAndInfluxAssumedHealthy()
    {
        var dead = CollectorHeartbeat.Parse(CollectorHeartbeat.Dead());
        var stopped = CollectorHeartbeat.Parse(CollectorHeartbeat.Stopped("a"));

        Assert.Equal(new CollectorHeartbeat(CollectorHeartbeatStatus.Dead, null, true), dead);
        Assert.Equal("(unnamed)", dead!.Name);
        Assert.Null(dead.Interval);
        Assert.Equal(new CollectorHeartbeat(CollectorHeartbeatStatus.Stopped, "a", true), stopped);
    }

    [Fact]
    public void Alive_OlderCollectorWithoutIntervalOrInstance_StillRead()
    {
        // What collectors before the interval field published.
        var reading = CollectorHeartbeat.Parse("""{"status":"alive","ts":1795000000000,"influx":true}"""u8);

        Assert.Equal(new CollectorHeartbeat(CollectorHeartbeatStatus.Alive, null, true, 1_795_000_000_000), reading);
        Assert.Null(reading!.Interval);
    }

    [Theory]
    [InlineData("""{"status":"rebooting","ts":1}""")]
    [InlineData("""{"ts":1}""")]
    [InlineData("""{"status":7}""")]
    public void Parse_UnknownOrMissingStatus_Other(string json)
    {
        Assert.Equal(CollectorHeartbeatStatus.Other, CollectorHeartbeat.Parse(Encoding.UTF8.GetBytes(json))!.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"alive\"")]
    [InlineData("""{"status":"alive" """)]
    public void Parse_NotAJsonObject_Null(string text)
    {
        Assert.Null(CollectorHeartbeat.Parse(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("""{"status":"alive","ts":1,"interval_ms":0}""")]
    [InlineData("""{"status":"alive","ts":1,"interval_ms":-5}""")]
    [InlineData("""{"status":"alive","ts":1,"interval_ms":"10s"}""")]
    [InlineData("""{"status":"alive","ts":"x"}""")]
    public void Parse_NonsenseIntervalOrClock_IgnoredNotTrusted(string json)
    {
        var reading = CollectorHeartbeat.Parse(Encoding.UTF8.GetBytes(json))!;

        Assert.Equal(CollectorHeartbeatStatus.Alive, reading.Status);
        Assert.Null(reading.Interval);
    }
}
