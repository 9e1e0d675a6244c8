using LiveRoom.Contracts.Payloads;
using System.Text;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Heartbeat;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Rules;

public sealed class OptionsAndHeartbeatTests
{
    [Fact]
    public void Validator_BadAlertSettings_NameTheKey_NeverTheSecret()
    {
        var options = new IngestOptions();
        options.Alerts.TokenSecret = "short";
        options.Alerts.GroupBy = "planet";
        options.Alerts.IncidentCopyDays = 30;
        options.Alerts.AdoptGrace = TimeSpan.Zero;
        options.Alerts.DashboardUrl = "liveroom.example.test";
        options.Alerts.Channels.Add(new ChannelOptions { Type = "dingtalk", Url = "not a url?access_token=SECRET123" });
        options.Alerts.Channels.Add(new ChannelOptions { Type = "pager", Url = "http://127.0.0.1/" });
        options.Alerts.Channels.Add(new ChannelOptions { Type = "wecom", Url = "http://127.0.0.1/", Language = "fr" });
        options.Alerts.Channels.Add(new ChannelOptions { Type = "feishu", Url = "http://127.0.0.1/", Language = "zh-CN" });
        var failures = IngestOptionsValidator.Check(options);
        Assert.Contains(failures, f => f.StartsWith("Ingest:Alerts:TokenSecret", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingest:Alerts:GroupBy", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingest:Alerts:IncidentCopyDays is 30; it must be 60–3650", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingest:Alerts:AdoptGrace", StringComparison.Ordinal));
        Assert.Contains("Ingest:Alerts:DashboardUrl 'liveroom.example.test' must be an absolute http:// or https:// URL", failures);
        Assert.Contains(failures, f => f.StartsWith("Ingest:Alerts:Channels:0:Url", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingest:Alerts:Channels:1:Type", StringComparison.Ordinal));
        Assert.Contains("Ingest:Alerts:Channels:2:Language is 'fr'; it must be en or zh-CN", failures);
        Assert.DoesNotContain(failures, f => f.StartsWith("Ingest:Alerts:Channels:3:", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("SECRET123", StringComparison.Ordinal));
        Assert.Empty(IngestOptionsValidator.Check(new IngestOptions()));
    }

    [Fact]
    public void Watchdog_AliveStaleDeadInfluxDown()
    {
        var time = new FakeTimeProvider();
        var dog = new HeartbeatWatchdog(TimeSpan.FromSeconds(30), time);
        dog.OnHeartbeat(CollectorHeartbeat.Alive(time.GetUtcNow(), influx: true));
        Assert.Equal(HeartbeatWatchdog.Verdict.Alive, dog.Check());
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HeartbeatWatchdog.Verdict.Stale, dog.Check());
        dog.OnHeartbeat(CollectorHeartbeat.Alive(time.GetUtcNow(), influx: false));
        time.Advance(TimeSpan.FromSeconds(30));
        dog.OnHeartbeat(CollectorHeartbeat.Alive(time.GetUtcNow(), influx: false));
        Assert.Equal(HeartbeatWatchdog.Verdict.InfluxDown, dog.Check());
        dog.OnHeartbeat(HeartbeatPublisher.WillOf(null).Payload.Span);
        Assert.Equal(HeartbeatWatchdog.Verdict.Dead, dog.Check());
    }

    /// <summary>
    /// A collector reports InfluxDB unhealthy while it sets up its database at start, and while a spilled batch drains
    /// after a blip: only when every heartbeat has said so for the stale time is it InfluxDB down (a page).
    /// </summary>
    [Fact]
    public void Watchdog_InfluxDownOnlyWhenReportedForTheStaleTime_StartUpAndBlipsDoNotCount()
    {
        var time = new FakeTimeProvider();
        var dog = new HeartbeatWatchdog(TimeSpan.FromSeconds(30), time);
        dog.OnHeartbeat(CollectorHeartbeat.Alive(time.GetUtcNow(), influx: false)); // starting: database not set up yet
        Assert.Equal(HeartbeatWatchdog.Verdict.Alive, dog.Check());
        time.Advance(TimeSpan.FromSeconds(10));
        dog.OnHeartbeat(CollectorHeartbeat.Alive(time.GetUtcNow(), influx: true));
        time.Advance(TimeSpan.FromSeconds(10));
        dog.OnHeartbeat(CollectorHeartbeat.Alive(time.GetUtcNow(), influx: false)); // a blip: the grace starts again
        time.Advance(TimeSpan.FromSeconds(20));
        dog.OnHeartbeat(CollectorHeartbeat.Alive(time.GetUtcNow(), influx: false));
        Assert.Equal(HeartbeatWatchdog.Verdict.Alive, dog.Check());
        time.Advance(TimeSpan.FromSeconds(10));
        dog.OnHeartbeat(CollectorHeartbeat.Alive(time.GetUtcNow(), influx: false));
        Assert.Equal(HeartbeatWatchdog.Verdict.InfluxDown, dog.Check());

        dog.OnHeartbeat(HeartbeatPublisher.WillOf(null).Payload.Span);
        time.Advance(TimeSpan.FromMinutes(5));
        dog.OnHeartbeat(CollectorHeartbeat.Alive(time.GetUtcNow(), influx: false)); // restarted after the death: starting again
        Assert.Equal(HeartbeatWatchdog.Verdict.Alive, dog.Check());
    }

    [Fact]
    public void CsvExport_QuotesAndDefusesFormulas()
    {
        var alert = Notices.Firing().Alerts[0];
        var csv = IncidentExport.Csv([new Incident(alert, [new IncidentEvent(alert.Id, alert.Since, IncidentEventKind.Acknowledged, "=HYPERLINK(\"x\")", "a,b")])]);
        var line = csv.Split("\r\n")[1];
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",\"a,b\"", line, StringComparison.Ordinal);
        Assert.Equal(2, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(csv)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
