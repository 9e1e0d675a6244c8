using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;
using LiveRoom.Probe.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Publishing;

/// <summary>
/// Publishes the outbox in sequence order as <see cref="Contracts.Payloads.MetricBatch"/> messages (QoS 1): live, one
/// message per <see cref="PublisherOptions.Interval"/> with the points that arrived since; after an outage, replay
/// batches bounded in bytes and points, with at most <see cref="PublisherOptions.MaxInFlight"/> awaiting PUBACK.
/// <para>
/// Only the collector's acknowledgement (retained <c>ack</c> topic, <see cref="HandleMessageAsync"/>) trims the
/// outbox (issue 3 item 5). What stays unacknowledged longer than <see cref="PublisherOptions.ResendAfter"/>, with no
/// acknowledgement progress for as long, is sent again from the oldest unacknowledged point, and so is everything
/// after a reconnect. Duplicates are harmless (the
/// collector stores by source timestamp), losses are not: correctness first.
/// </para>
/// <para>While disconnected nothing is published: libmosquitto would queue it in memory only, and the outbox replays
/// it anyway after the reconnect.</para>
/// </summary>
public sealed partial class OutboxPublisher : IDisposable
{
    private readonly DiskOutbox _outbox;
    private readonly IMqttClient _client;
    private readonly PublisherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _ackTopic;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _gate = new();
    private readonly Queue<(long LastSeq, long SentAt)> _unacked = new();
    private readonly List<Task> _inFlight = [];
    private ITimer? _timer;
    private long _cursor;
    private int _rewindRequested;
    private long _published;
    private long _passes;
    private long _lastAckProgress;

    public OutboxPublisher(DiskOutbox outbox, IMqttClient client, PublisherOptions options, TimeProvider time, ILogger<OutboxPublisher>? logger = null)
    {
        _outbox = outbox;
        _client = client;
        _options = options;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _ackTopic = Topic.Ack(options.Site, options.Room);
        _cursor = outbox.Floor;
        _lastAckProgress = time.GetTimestamp();
        client.ConnectionChanged += OnConnectionChanged;
    }

    /// <summary>Topic of the collector's acknowledgements for this room (subscribe to it at QoS 1).</summary>
    public string AckTopic => _ackTopic;

    /// <summary>Next sequence number to be published.</summary>
    public long Cursor
    {
        get { lock (_gate) { return _cursor; } }
    }

    /// <summary>Publishing passes completed (for tests that must know a pass has run).</summary>
    internal long Passes => Interlocked.Read(ref _passes);

    /// <summary>Messages handed to the client since start.</summary>
    public long PublishedMessages => Interlocked.Read(ref _published);

    /// <summary>Runs until cancelled: a pass every interval, and at once after a reconnect.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _timer = _time.CreateTimer(static s => ((OutboxPublisher)s!).Wake(), this, _options.Interval, _options.Interval);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await PublishPendingAsync(cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _passes);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // Anything else is a bug or a broken disk: log, and the next pass starts over (STYLE.md rule 10).
                    PublisherLog.LoopFailed(_logger, ex);
                    RequestRewind();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Quiet exit.
        }
        finally
        {
            _timer.Dispose();
        }
    }

    /// <summary>The MQTT message handler: applies this outbox's acknowledgements, ignores other edges' and other topics.</summary>
    public ValueTask HandleMessageAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (string.Equals(message.Topic, _ackTopic, StringComparison.Ordinal))
        {
            HandleAck(message.Payload.Span);
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        _client.ConnectionChanged -= OnConnectionChanged;
        _timer?.Dispose();
        _wake.Dispose();
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private void RequestRewind() => Interlocked.Exchange(ref _rewindRequested, 1);

    private void OnConnectionChanged(object? sender, MqttConnectionChangedEventArgs e)
    {
        if (e.Connected)
        {
            RequestRewind();
            Wake();
        }
    }
}
