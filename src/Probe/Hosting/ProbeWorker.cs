using LiveRoom.Contracts.Payloads;
using LiveRoom.Mqtt;
using LiveRoom.Probe.Display;
using LiveRoom.Probe.HostHealth;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Probe.Network;
using LiveRoom.Probe.Obs;
using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Publishing;
using LiveRoom.Probe.Sinks;
using LiveRoom.Probe.Status;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Analysis;
using LiveRoom.Probe.Stream;
using LiveRoom.Runtime.Hosting;
using LiveRoom.Runtime.Hosting.Watchdog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveRoom.Probe.Hosting;

/// <summary>
/// One room's edge: opens the outbox (a failure stops the service with one line), starts the stream monitor (which
/// appends to the outbox whether or not the broker is reachable), connects to the broker in the background (retrying
/// with backoff), and publishes the outbox. Every monitor writes through a <see cref="MeasurementTee"/> so the room
/// lifecycle (schedule, pre-show checklist, room state, door display) sees the newest values. At shutdown: retained <c>offline</c>, DISCONNECT, outbox fsynced.
/// </summary>
internal sealed partial class ProbeWorker(IOptions<ProbeOptions> options, MqttClientFactory clientFactory, TimeProvider time, ILoggerFactory loggers, LoopBeacon sampling)
    : IHostedService
{
    private static readonly TimeSpan ShutdownStep = TimeSpan.FromSeconds(3);
    private readonly ILogger _logger = loggers.CreateLogger<ProbeWorker>();
    private readonly CancellationTokenSource _stopping = new();
    private DiskOutbox? _outbox;
    private IMqttClient? _client;
    private OutboxPublisher? _publisher;
    private StatusReporter? _status;
    private StreamMonitor? _monitor;
    private HttpClient? _uplinkHttp;
    private RoomLifecycle? _lifecycle;
    private StatePublisher? _statePublisher;
    private DoorDisplayServer? _door;
    private Task[] _tasks = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        try
        {
            _outbox = DiskOutbox.Open(o.Outbox, time, loggers.CreateLogger<DiskOutbox>());
        }
        catch (OutboxException ex)
        {
            throw new StartupException($"Probe:Outbox:Directory: {ex.Message}", ex);
        }

        _client = CreateClient(o);
        _publisher = new OutboxPublisher(
            _outbox,
            _client,
            new PublisherOptions { Site = o.Site, Room = o.Room, ResendAfter = o.Outbox.ResendAfter },
            time,
            loggers.CreateLogger<OutboxPublisher>());
        _status = new StatusReporter(_client, o.Site, o.Room, time, _logger);
        var sink = new MeasurementTee(_outbox);
        var reference = ReferenceStore.Load(o.ReferenceDirectory, out var referenceProblem);
        if (referenceProblem is not null)
        {
            LogReference(_logger, o.ReferenceDirectory, referenceProblem);
        }

        var (vision, triggering) = CreateVision(o, sink, reference);
        _monitor = new StreamMonitor(
            triggering, // picture black/frozen events also take a thumbnail
            new StreamMonitorOptions { SourceUrl = o.SourceUrl, Ffmpeg = o.Ffmpeg, Profile = o.Profile, Thresholds = o.Thresholds },
            o.Room,
            time,
            loggers.CreateLogger<StreamMonitor>(),
            [vision, _evidence!])
        {
            Beacon = sampling,
        };
        var clock = new ClockOffsetEstimator(time);
        _uplinkHttp = UplinkTester.CreateHttpClient();
        var obs = new ObsMonitor(sink, o.Obs, o.Room, time, loggers.CreateLogger<ObsMonitor>());
        var network = new NetworkMonitor(sink, o.Network, o.Room, time, clock, new UplinkTester(_uplinkHttp, time), loggers.CreateLogger<NetworkMonitor>());
        var host = new HostHealthMonitor(sink, o.Host, o.Room, time, clock, loggers.CreateLogger<HostHealthMonitor>());
        _statePublisher = new StatePublisher(_client, o.Site, o.Room, ComposeDisplay, loggers.CreateLogger<StatePublisher>());
        _lifecycle = CreateLifecycle(o, sink, network);
        _lifecycle.Start();
        _door = await StartDoorAsync(o.Display, _lifecycle, cancellationToken).ConfigureAwait(false);
        var token = _stopping.Token;
        string[] topics = [_publisher.AckTopic, .. _lifecycle.Topics, _referenceHandler!.Topic];
        _tasks =
        [
            Task.Run(() => ConnectAsync(_client, topics, token), CancellationToken.None),
            Task.Run(() => _lifecycle.RunAsync(token), CancellationToken.None),
            Task.Run(() => _statePublisher.RunAsync(token), CancellationToken.None),
            Task.Run(() => _publisher.RunAsync(token), CancellationToken.None),
            Task.Run(() => _monitor.RunAsync(token), CancellationToken.None),
            Task.Run(() => obs.RunAsync(token), CancellationToken.None),
            Task.Run(() => network.RunAsync(token), CancellationToken.None),
            Task.Run(() => host.RunAsync(token), CancellationToken.None),
            Task.Run(() => _evidence!.RunAsync(token), CancellationToken.None),
        ];
        LogStarted(_logger, o.Site, o.Room, _outbox.EdgeId, o.SourceUrl, o.Mqtt.Host, o.Mqtt.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await StopDoorAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_tasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_lifecycle is not null)
        {
            await _lifecycle.DisposeAsync().ConfigureAwait(false);
        }

        if (_statePublisher is not null)
        {
            await _statePublisher.DisposeAsync().ConfigureAwait(false);
        }

        if (_client is { IsConnected: true } && _status is not null)
        {
            try
            {
                await _status.PublishAsync(StatusMessage.Offline, cancellationToken).WaitAsync(ShutdownStep, cancellationToken).ConfigureAwait(false);
                await _client.DisconnectAsync(cancellationToken).WaitAsync(ShutdownStep, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttException or TimeoutException)
            {
                LogGoodbyeFailed(_logger, ex);
            }
        }

        if (_client is not null)
        {
            await _client.DisposeAsync().ConfigureAwait(false);
        }

        _publisher?.Dispose();
        _status?.Dispose();
        _monitor?.Dispose();
        _uplinkHttp?.Dispose();
        _outbox?.Dispose();
        _stopping.Dispose();
    }

    private IMqttClient CreateClient(ProbeOptions o)
    {
        try
        {
            return clientFactory(new MqttClientOptions
            {
                Host = o.Mqtt.Host,
                Port = o.Mqtt.Port,
                ClientId = o.ClientId,
                Username = string.IsNullOrEmpty(o.Mqtt.Username) ? o.ClientId : o.Mqtt.Username,
                Password = o.Mqtt.Password,
                Tls = string.IsNullOrEmpty(o.Mqtt.CaFile) ? null : new MqttTlsOptions { CaFile = o.Mqtt.CaFile },
                Will = StatusReporter.Will(o.Site, o.Room),
                OnMessage = DispatchAsync,
            });
        }
        catch (MqttException ex)
        {
            throw new StartupException($"Probe:Mqtt: the MQTT client cannot be created: {ex.Message}", ex);
        }
    }

    /// <summary>Connects (retrying with a doubling backoff: the edge keeps measuring into the outbox meanwhile) and subscribes to the acks and the lifecycle's commands.</summary>
    private async Task ConnectAsync(IMqttClient client, IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        var delay = ProbeDefaults.RestartMinDelay;
        var connected = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!connected)
                {
                    await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                    connected = true;
                }

                // Renewed by the client after every reconnect; the retained ack and schedule arrive at once.
                foreach (var topic in topics)
                {
                    await client.SubscribeAsync(topic, MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (MqttException ex)
            {
                LogConnectFailed(_logger, ex.Message, delay.TotalSeconds);
            }

            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = delay * 2 < ProbeDefaults.RestartMaxDelay ? delay * 2 : ProbeDefaults.RestartMaxDelay;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Edge {Site}/{Room} started: outbox edge {Edge}, source {Source}, broker {Host}:{Port}")]
    private static partial void LogStarted(ILogger logger, string site, string room, string edge, string source, string host, int port);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "MQTT connect failed: {Reason}; retrying in {DelaySeconds} s (metrics stay in the outbox)")]
    private static partial void LogConnectFailed(ILogger logger, string reason, double delaySeconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Could not say goodbye to the broker (the last will reports offline instead)")]
    private static partial void LogGoodbyeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Vision reference in {Directory}: {Problem}")]
    private static partial void LogReference(ILogger logger, string directory, string problem);
}
