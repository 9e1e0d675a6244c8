using System.Globalization;
using System.Threading.Channels;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Acking;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Ingest.Influx;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Spill;
using LiveRoom.Ingest.Writing;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Hosting.Watchdog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Collecting;

/// <summary>
/// The collector: one persistent MQTT session (fixed client id, clean start off, QoS 1 on <see cref="Topic.AllRooms"/>)
/// feeding InfluxDB through a bounded queue and batched writes, with per-edge acknowledgements and a disk spill buffer.
/// Usable in-process (tests, benchmark) as well as from the host (<see cref="Hosting.IngestHostedService"/>).
/// </summary>
public sealed partial class Collector : IAsyncDisposable
{
    private readonly IngestOptions _options;
    private readonly Func<MqttClientOptions, IMqttClient> _mqttFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IngestCounters _counters = new();
    private readonly Channel<MqttMessage> _queue;
    private readonly InfluxClient _influx;
    private readonly AckTracker _tracker;
    private readonly AckPublisher _acks;
    private readonly DeadLetterPublisher _deadLetters;
    private readonly MessageHandler _handler;
    private readonly MessageParser _parser;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _databaseReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _loops = [];
    private SpillBuffer? _spill;
    private WritePipeline? _pipeline;
    private Task? _writerLoop;
    private IMqttClient? _mqtt;
    private int _state;

    /// <param name="options">Settings (checked by <see cref="IngestOptionsValidator"/>; invalid ones throw <see cref="ArgumentException"/>).</param>
    /// <param name="mqttFactory">Creates the session, e.g. <c>o =&gt; new MosquittoClient(o, logger)</c>.</param>
    /// <param name="http">HttpClient for InfluxDB (not disposed here).</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    /// <param name="timeProvider">Clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="observer">Told about every validated batch and edge status (the alert evaluator, issue 7); none when null.</param>
    public Collector(IngestOptions options, Func<MqttClientOptions, IMqttClient> mqttFactory, HttpClient http, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, IBatchObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = IngestOptionsValidator.Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", failures), nameof(options));
        }

        _options = options;
        _mqttFactory = mqttFactory;
        _logger = loggerFactory?.CreateLogger<Collector>() ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _queue = Channel.CreateBounded<MqttMessage>(new BoundedChannelOptions(options.QueueCapacity) { SingleWriter = true });
        _influx = new InfluxClient(http, options.Influx);
        _tracker = new AckTracker(options.MaxPendingSequences);
        _tracker.WindowOverflow += e => IngestLog.AckWindowOverflow(_logger, e.Site, e.Room, e.Edge, options.MaxPendingSequences);
        _acks = new AckPublisher(_tracker, _counters, options.AckInterval, _logger, _time);
        _deadLetters = new DeadLetterPublisher(_counters, _logger, _time);
        _handler = new MessageHandler(_queue.Writer, _counters);
        _parser = new MessageParser(_counters, _deadLetters, new RejectionLog(_logger, _time), _logger, _time) { Observer = observer };

        Progress = new PipelineProgress(() => _queue.Reader.Count, () => _counters.MessagesReceived, PipelineProgress.LimitFor(options.Influx), _time);
    }

    /// <summary>For systemd's watchdog: fails when received messages wait and the write pipeline takes none (hung workers).</summary>
    public ILivenessCheck Progress { get; }

    /// <summary>A snapshot of the counters.</summary>
    public IngestStats Stats => _counters.Snapshot();

    /// <summary>Completes when the database and retention policy exist (writes go to InfluxDB from then on).</summary>
    public Task DatabaseReady => _databaseReady.Task;

    /// <summary>Write batches waiting in the spill buffer because InfluxDB did not take them (0 before start).</summary>
    public long SpillPending => _spill?.Pending ?? 0;

    /// <summary>
    /// Whether points reach InfluxDB now: the database is set up and nothing waits in the spill buffer (during an
    /// outage every batch is spilled; after it, until the drain has caught up, charts still lag).
    /// </summary>
    public bool WritingToInflux => _databaseReady.Task.IsCompletedSuccessfully && SpillPending == 0;

    /// <summary>The highest contiguous sequence number stored for an edge, or null when the edge is unknown.</summary>
    public long? Acknowledged(string site, string room, string edge) => _tracker.Contiguous(new EdgeKey(site, room, edge));

    /// <summary>
    /// Opens the spill buffer, starts the writer, sets up the database in the background (retrying with a warning
    /// naming the URL while InfluxDB is unreachable; batches are spilled meanwhile), connects (retrying while the
    /// broker is unreachable) and subscribes.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("the collector was already started");
        }

        var stopping = _stopping.Token;
        _spill = new SpillBuffer(Path.Combine(_options.StateDirectory, "spill"), _options.Influx.SpillSegmentBytes, _logger);
        _counters.SpillPending = () => _spill.Pending;
        var writer = new InfluxWriter(_influx, _options.Influx, _counters, _deadLetters, _logger, _time)
        {
            DatabaseMissing = ct => DatabaseInitializer.EnsureAsync(_influx, _options.Influx, ct),
        };
        _pipeline = new WritePipeline(_options.Influx, _queue.Reader, _parser, _options.Workers, writer, _spill, _tracker, _counters, _deadLetters, _acks.Wake, _logger, _time);
        _writerLoop = Guard("writer", _pipeline.RunAsync(stopping));
        _loops.Add(Guard("spill drain", _pipeline.DrainAsync(stopping)));
        _loops.Add(Guard("acknowledgements", _acks.RunAsync(stopping)));
        _loops.Add(Guard("statistics", LogStatsAsync(stopping)));
        _loops.Add(Guard("database setup", SetUpDatabaseAsync(stopping)));

        var mqtt = _mqttFactory(MqttOptions());
        mqtt.ConnectionChanged += (_, e) =>
        {
            if (e.Connected)
            {
                // A restarted broker may have lost the retained acknowledgements: publish them all again.
                _tracker.MarkAllChanged();
                _acks.Wake();
            }
        };
        _mqtt = mqtt;
        _deadLetters.Client = mqtt;
        _acks.Client = mqtt;
        await ConnectAsync(mqtt, cancellationToken).ConfigureAwait(false);
        await mqtt.SubscribeAsync(Topic.AllRooms, MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        IngestLog.Started(_logger, Broker, _options.Mqtt.ClientId, _influx.BaseUri, _options.Influx.Database, _options.Influx.RetentionDays);
    }

    /// <summary>
    /// Stops taking messages, writes what was received, publishes the final acknowledgements and disconnects.
    /// Cancelling <paramref name="cancellationToken"/> abandons pending writes (the edges re-send them).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) != 1)
        {
            return;
        }

        using var hardStop = cancellationToken.Register(_stopping.Cancel);
        _queue.Writer.TryComplete();
        if (_writerLoop is not null)
        {
            await _writerLoop.ConfigureAwait(false);
        }

        try
        {
            await _acks.PublishChangedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        if (_mqtt is not null)
        {
            try
            {
                await _mqtt.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (MqttException ex)
            {
                IngestLog.PublishFailed(_logger, "DISCONNECT", ex);
            }
        }

        IngestLog.Stopped(_logger, Stats);
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _state) == 1)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        if (_mqtt is not null)
        {
            await _mqtt.DisposeAsync().ConfigureAwait(false);
        }

        _spill?.Dispose();
        _stopping.Dispose();
    }

    private string Broker => string.Create(CultureInfo.InvariantCulture, $"{_options.Mqtt.Host}:{_options.Mqtt.Port}");
}
