using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Collectors;
using LiveRoom.Dashboard.Lifecycle;
using LiveRoom.Dashboard.Options;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Mqtt;

/// <summary>
/// The dashboard's MQTT session (<c>Dashboard:Mqtt</c>): connects (retrying with backoff while the broker is not up),
/// subscribes to every room's <c>state</c> and <c>status</c> and to the collectors' heartbeat and presence, publishes schedules through <see cref="SchedulePublisher"/>
/// and carries checklist commands. With no host configured it logs once that it is off and does nothing.
/// It says whether the dashboard is there (<see cref="ServicePresence"/>, retained): <c>online</c> after every connect,
/// <c>stopped</c> on a clean stop and <c>dead</c> as its last will, so the watchdog can tell on-call when the wall is gone
/// or schedule changes stop reaching the edges (decision 0026).
/// </summary>
internal sealed partial class EdgeLink(
    IOptions<DashboardOptions> options,
    SchedulePublisher schedules,
    RoomStateCache states,
    CollectorStatusCache collectors,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    public static readonly string StateFilter = Topic.Root + "/+/+/" + TopicChannel.State;
    public static readonly string StatusFilter = Topic.Root + "/+/+/" + TopicChannel.Status;

    private static readonly TimeSpan StartRetryMin = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StartRetryMax = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger = loggers.CreateLogger<EdgeLink>();
    private volatile IMqttClient? _client;

    /// <summary>Why a command cannot be sent now, or null when it can.</summary>
    public string? Unavailable => UnavailableText?.English;

    /// <summary><see cref="Unavailable"/> in both languages, for a page.</summary>
    public LocalText? UnavailableText =>
        !options.Value.Mqtt.Enabled
            ? new LocalText(
                $"{DashboardDefaults.Section}:Mqtt:Host is not set: the dashboard has no MQTT connection to the edges",
                $"{DashboardDefaults.Section}:Mqtt:Host 未设置：仪表盘与边缘端之间没有 MQTT 连接")
        : _client is not { IsConnected: true }
            ? new LocalText(
                string.Create(CultureInfo.InvariantCulture, $"the MQTT broker {options.Value.Mqtt.Host}:{options.Value.Mqtt.Port} is not connected"),
                string.Create(CultureInfo.InvariantCulture, $"未连接到 MQTT 代理 {options.Value.Mqtt.Host}:{options.Value.Mqtt.Port}"))
        : null;

    /// <summary>Whether metrics are being collected, as far as this link can tell.</summary>
    public CollectorStatusView CollectorStatus() => collectors.View(Unavailable, options.Value.Mqtt.Enabled);

    /// <summary>Publishes a command (QoS 1, not retained), waiting at most <c>PublishTimeout</c> for PUBACK.</summary>
    /// <exception cref="MqttException">The broker refused it, or the session is down.</exception>
    /// <exception cref="TimeoutException">No PUBACK in time.</exception>
    public async Task PublishCommandAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var client = _client is { IsConnected: true } c ? c : throw new MqttException(Unavailable ?? "not connected");
        await client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain: false, cancellationToken)
            .WaitAsync(options.Value.Mqtt.PublishTimeout, time, cancellationToken)
            .ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var m = options.Value.Mqtt;
        if (!m.Enabled)
        {
            LogOff(_logger, DashboardDefaults.Section);
            return;
        }

        var session = new MqttClientOptions
        {
            Host = m.Host!,
            Port = m.Port,
            ClientId = m.ClientId,
            Username = m.Username,
            Password = m.Password,
            Tls = string.IsNullOrEmpty(m.CaFile) ? null : new MqttTlsOptions { CaFile = m.CaFile },
            OnMessage = (message, ct) => CollectorStatusCache.Reads(message.Topic) ? collectors.HandleAsync(message, ct) : states.HandleAsync(message, ct),
            Will = new MqttWill(Topic.DashboardInstance(m.ClientId), Presence(ServicePresence.Dead), MqttQos.AtLeastOnce, Retain: true),
        };
        var client = new MosquittoClient(session, loggers.CreateLogger<MosquittoClient>());
        await using (client.ConfigureAwait(false))
        {
            client.ConnectionChanged += OnConnectionChanged;
            try
            {
                await ConnectAsync(client, $"{m.Host}:{m.Port}", stoppingToken).ConfigureAwait(false);
                _client = client;
                await SubscribeAsync(client, stoppingToken).ConfigureAwait(false);
                schedules.MarkAll();
                await schedules.RunAsync(client, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            finally
            {
                _client = null;
                client.ConnectionChanged -= OnConnectionChanged;
                if (client.IsConnected)
                {
                    using var bye = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    // Stopped on purpose: the watchdog does not page anyone for it (a clean disconnect drops the will).
                    await AnnounceAsync(client, ServicePresence.Stopped, bye.Token).ConfigureAwait(false);
                    try
                    {
                        await client.DisconnectAsync(bye.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is MqttException or OperationCanceledException)
                    {
                        LogDisconnectFailed(_logger, ex.Message);
                    }
                }
            }
        }
    }

    private void OnConnectionChanged(object? sender, MqttConnectionChangedEventArgs e)
    {
        if (e.Connected)
        {
            // Whatever changed while the broker was away is still marked: publish it now.
            LogConnected(_logger, schedules.DirtyCount);
            schedules.Wake();
            // After every connect, not just the first: a broker restarted from an older snapshot may have lost it.
            if (sender is IMqttClient client)
            {
                _ = AnnounceAsync(client, ServicePresence.Online, CancellationToken.None);
            }
        }
        else
        {
            LogDisconnected(_logger, e.Reason ?? "-", schedules.DirtyCount);
        }
    }

    private async Task AnnounceAsync(IMqttClient client, string state, CancellationToken cancellationToken)
    {
        var m = options.Value.Mqtt;
        try
        {
            await client.PublishAsync(Topic.DashboardInstance(m.ClientId), Presence(state), MqttQos.AtLeastOnce, retain: true, cancellationToken)
                .WaitAsync(m.PublishTimeout, time, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttException or TimeoutException or OperationCanceledException)
        {
            LogAnnounceFailed(_logger, Topic.DashboardInstance(m.ClientId), ex.Message);
        }
    }

    private byte[] Presence(string state) =>
        new ServicePresence(state, options.Value.Mqtt.ClientId, state == ServicePresence.Dead ? 0 : time.GetUtcNow().ToUnixTimeMilliseconds()).ToJson();

    private Task ConnectAsync(MosquittoClient client, string broker, CancellationToken cancellationToken) =>
        client.ConnectUntilConnectedAsync(StartRetryMin, StartRetryMax, (ex, delay) => LogBrokerNotReady(_logger, broker, ex.Message, delay), time, cancellationToken);

    private async Task SubscribeAsync(MosquittoClient client, CancellationToken cancellationToken)
    {
        foreach (var filter in new[] { StateFilter, StatusFilter, Topic.CollectorHeartbeat, Topic.CollectorInstances, Topic.WatchdogInstances })
        {
            try
            {
                await client.SubscribeAsync(filter, MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
            }
            catch (MqttSubscribeException ex)
            {
                // Schedules still go out; the wall shows no states (or no collector status) until the broker's ACL allows it.
                LogSubscribeRefused(_logger, filter, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Section}:Mqtt:Host is empty: MQTT is off — schedules are not pushed to edges, room states are not received, checklist commands answer 503")]
    private static partial void LogOff(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker {Broker} not ready ({Reason}); retrying in {Delay}")]
    private static partial void LogBrokerNotReady(ILogger logger, string broker, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connected; {Dirty} room schedules to publish")]
    private static partial void LogConnected(ILogger logger, int dirty);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection lost ({Reason}); {Dirty} room schedules waiting, changes are kept until it returns")]
    private static partial void LogDisconnected(ILogger logger, string reason, int dirty);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT subscription {Filter} refused: {Reason}; what it carries will not be shown (room states, or the collector's heartbeat)")]
    private static partial void LogSubscribeRefused(ILogger logger, string filter, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT presence {Topic} not published ({Reason}): the watchdog cannot tell whether this dashboard is online; if the broker refused it, regenerate its security files (liveroom-ingest security generate)")]
    private static partial void LogAnnounceFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT disconnect failed: {Reason}")]
    private static partial void LogDisconnectFailed(ILogger logger, string reason);
}
