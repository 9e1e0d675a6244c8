using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Heartbeat;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Tests.Alerts.Heartbeat;

/// <summary>
/// Decision 0026, who watches the watchdog, against a real broker: the watchdog says it is there (online, dead as its
/// will when its link is cut, online again, stopped when it stops), and the active collector tells on-call through its
/// own channels when the watchdog dies, and again when it is back.
/// </summary>
public sealed class WatchdogPresenceTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new("watchdog-presence");
    private MosquittoServer _broker = null!;

    public async Task InitializeAsync() =>
        _broker = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = _dir.Combine("mqtt") }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Watchdog_OnlineThenDeadWhenCutThenOnlineThenStopped()
    {
        const string Id = "liveroom-ingest-watchdog";
        var topic = Topic.WatchdogInstance(Id);
        await using var watcher = await TestMqtt.ConnectAsync(_broker, Topic.WatchdogInstances);
        await using var relay = new TcpRelay(_broker.Port);
        await using var client = new MosquittoClient(new MqttClientOptions { Host = _broker.Host, Port = relay.Port, ClientId = Id, Will = CollectorWatchdog.WillOf(Id) });
        var watchdog = new CollectorWatchdog(client, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15), new RecordingNotifier(), [], TimeProvider.System, NullLogger.Instance, presence: Id);
        using var stop = new CancellationTokenSource();
        var run = watchdog.RunAsync(TimeSpan.FromHours(1), stop.Token);

        await watcher.WaitForAsync(m => PresenceMessages.Is(m, topic, ServicePresence.Online), "online after connecting");
        relay.Cut();
        await watcher.WaitForAsync(m => PresenceMessages.Is(m, topic, ServicePresence.Dead), "its last will when the link is cut");
        relay.Restore();
        await Eventually.WaitAsync(() => PresenceMessages.OnlineAfterDead(watcher.Received, topic), Wait, "online again after the reconnect");
        await stop.CancelAsync();
        await run.WaitAsync(Wait);

        await watcher.WaitForAsync(m => PresenceMessages.Is(m, topic, ServicePresence.Stopped), "stopped on a clean stop");
        await client.DisposeAsync(); // what the host does next: its will must not follow the goodbye
        await using var late = await TestMqtt.ConnectAsync(_broker, topic);
        var retained = await late.WaitForAsync(m => m.Topic == topic, "the retained presence");
        Assert.Equal(ServicePresence.Stopped, ServicePresence.Parse(Topic.WatchdogInstancePrefix, topic, retained.Payload.Span, out _)!.State);
    }

    [Fact]
    public async Task ActiveCollector_WatchdogDies_WarnsOnItsChannels_BackResolves_StoppedPagesNobody()
    {
        await using var robots = await RobotServer.StartAsync();
        var options = new AlertOptions { HttpUrl = string.Empty, HeartbeatInterval = TimeSpan.FromHours(1) };
        options.Channels.Add(new ChannelOptions { Type = "webhook", Name = "hook", Url = robots.Url("/webhook") });
        using var http = new HttpClient();
        await using var alerts = new AlertService(options, _dir.Combine("ingest"), http, heartbeatClient: onMessage =>
            new MosquittoClient(new MqttClientOptions { Host = _broker.Host, Port = _broker.Port, ClientId = "collector-heartbeat", Will = HeartbeatPublisher.WillOf(null), OnMessage = onMessage }));
        await alerts.StartAsync(CancellationToken.None);
        await using var relay = new TcpRelay(_broker.Port);
        await using var watchdog = new MosquittoClient(new MqttClientOptions { Host = _broker.Host, Port = relay.Port, ClientId = "wd", Will = CollectorWatchdog.WillOf("wd") });
        await watchdog.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        await watchdog.PublishAsync(Topic.WatchdogInstance("wd"), new ServicePresence(ServicePresence.Online, "wd", 1).ToJson(), MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        alerts.CheckWatchdogs();

        relay.Cut(); // the watchdog's machine vanishes
        await Eventually.WaitAsync(() => { alerts.CheckWatchdogs(); return alerts.WatchdogsDown.Count == 1; }, Wait, "the watchdog's last will judged");
        await using var back = await TestMqtt.ConnectAsync(_broker);
        await back.PublishAsync(Topic.WatchdogInstance("wd"), new ServicePresence(ServicePresence.Online, "wd", 2).ToJson(), retain: true);
        await Eventually.WaitAsync(() => { alerts.CheckWatchdogs(); return alerts.WatchdogsDown.Count == 0; }, Wait, "the watchdog back");
        await back.PublishAsync(Topic.WatchdogInstance("wd"), new ServicePresence(ServicePresence.Stopped, "wd", 3).ToJson(), retain: true);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        alerts.CheckWatchdogs();

        await Eventually.WaitAsync(() => robots.Accepted.Count >= 2, Wait, "both notices delivered to the webhook");
        var bodies = robots.Accepted.Select(a => a.Body.ToJsonString()).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b => Assert.Contains("watchdog_down", b, StringComparison.Ordinal));
        Assert.Contains("watchdog wd", bodies[0], StringComparison.Ordinal);
        Assert.Contains("watchdog wd is back", bodies[1], StringComparison.Ordinal);
        Assert.Empty(alerts.WatchdogsDown);
    }
}
