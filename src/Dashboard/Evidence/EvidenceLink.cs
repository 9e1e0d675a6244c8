using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Options;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Evidence;

/// <summary>
/// The dashboard's evidence session (issue 5 items 2 and 5), on the broker of <c>Dashboard:Mqtt</c> with its own client id
/// and a persistent session (clean start off), so the edges' QoS 1 thumbnails queue in the broker while the dashboard
/// is down. Receives every room's <c>thumbnail</c> into the <see cref="ThumbnailStore"/> (refusals counted and logged,
/// never fatal) and carries the reference commands. Off, like the schedule session, when no broker is configured.
/// </summary>
internal sealed partial class EvidenceLink(
    IOptions<DashboardOptions> dashboard,
    IOptions<EvidenceOptions> evidence,
    ThumbnailStore store,
    EvidenceCounters counters,
    IServiceProvider services,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan RetryMin = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RetryMax = TimeSpan.FromSeconds(30);
    private readonly ILogger _logger = loggers.CreateLogger<EvidenceLink>();
    private volatile IMqttClient? _client;

    /// <summary>Why a command cannot be sent now, or null when it can.</summary>
    public string? Unavailable =>
        !dashboard.Value.Mqtt.Enabled ? $"{DashboardDefaults.Section}:Mqtt:Host is not set: the dashboard has no MQTT connection to the edges"
        : _client is not { IsConnected: true } ? $"the MQTT broker {dashboard.Value.Mqtt.Host}:{dashboard.Value.Mqtt.Port} is not connected"
        : null;

    /// <summary>Publishes QoS 1, waiting at most <c>Dashboard:Mqtt:PublishTimeout</c> for PUBACK.</summary>
    /// <exception cref="MqttException">Refused, or the session is down.</exception>
    /// <exception cref="TimeoutException">No PUBACK in time.</exception>
    public async Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        var client = _client is { IsConnected: true } c ? c : throw new MqttException(Unavailable ?? "not connected");
        await client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain, cancellationToken)
            .WaitAsync(dashboard.Value.Mqtt.PublishTimeout, time, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Validates and stores one received message; a bad one is counted and logged (STYLE.md rule 11).</summary>
    public ValueTask HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var m = ThumbnailRules.TryParse(message.Topic, message.Payload.Span, time.GetUtcNow(), store.Retention, out var refusal);
            if (m is null)
            {
                counters.Reject(refusal!);
                LogRejected(_logger, message.Topic, refusal!);
                return ValueTask.CompletedTask;
            }

            store.Save(m);
            counters.Store();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            counters.Reject(ex.Message);
            LogStoreFailed(_logger, message.Topic, ex.Message);
        }

        return ValueTask.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var m = dashboard.Value.Mqtt;
        if (!m.Enabled)
        {
            return;
        }

        var client = new MosquittoClient(
            new MqttClientOptions
            {
                Host = m.Host!,
                Port = m.Port,
                ClientId = evidence.Value.ClientId,
                CleanStart = false,
                Username = m.Username,
                Password = m.Password,
                Tls = string.IsNullOrEmpty(m.CaFile) ? null : new MqttTlsOptions { CaFile = m.CaFile },
                OnMessage = HandleAsync,
            },
            loggers.CreateLogger<MosquittoClient>());
        await using (client.ConfigureAwait(false))
        {
            client.ConnectionChanged += (_, e) =>
            {
                if (e.Connected)
                {
                    _ = Task.Run(() => RaiseConnectedAsync(stoppingToken), CancellationToken.None);
                }
            };
            try
            {
                await ConnectAsync(client, stoppingToken).ConfigureAwait(false);
                _client = client;
                try
                {
                    await client.SubscribeAsync(Topic.AllThumbnails, MqttQos.AtLeastOnce, stoppingToken).ConfigureAwait(false);
                }
                catch (MqttSubscribeException ex)
                {
                    // References can still be pushed; the room pages show no new thumbnails until the ACL allows it.
                    LogSubscribeRefused(_logger, Topic.AllThumbnails, ex.Message);
                }

                await RaiseConnectedAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            finally
            {
                _client = null;
                if (client.IsConnected)
                {
                    using var bye = new CancellationTokenSource(TimeSpan.FromSeconds(2));
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

    private async Task RaiseConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            return;
        }

        // After every (re)connect the references republish their retained approvals (resolved here, not at start,
        // so a configuration error still ends the process with its one line).
        try
        {
            await services.GetRequiredService<References.ReferencePublisher>().PublishAllAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttException or TimeoutException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            LogRepublishFailed(_logger, ex.Message);
        }
    }

    private Task ConnectAsync(MosquittoClient client, CancellationToken cancellationToken) =>
        client.ConnectUntilConnectedAsync(RetryMin, RetryMax, (ex, delay) => LogBrokerNotReady(_logger, ex.Message, delay), time, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Thumbnail on {Topic} refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Thumbnail on {Topic} could not be stored: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence session: broker not ready ({Reason}); retrying in {Delay}")]
    private static partial void LogBrokerNotReady(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence session: subscription {Filter} refused: {Reason}; no thumbnails will be stored")]
    private static partial void LogSubscribeRefused(ILogger logger, string filter, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence session: republishing references failed: {Reason}; tried again at the next reconnect")]
    private static partial void LogRepublishFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence session: disconnect failed: {Reason}")]
    private static partial void LogDisconnectFailed(ILogger logger, string reason);
}
