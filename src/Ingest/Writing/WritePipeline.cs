using System.Threading.Channels;
using LiveRoom.Ingest.Acking;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Ingest.Influx;
using LiveRoom.Ingest.LineProtocol;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Spill;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Writing;

/// <summary>
/// Workers (one per core, at most 4) take received messages from the queue, parse and validate them, and encode the
/// points into write batches bounded by size (<see cref="InfluxOptions.BatchSize"/> lines) and time
/// (<see cref="InfluxOptions.FlushInterval"/>, or <see cref="InfluxOptions.IdleFlush"/> without new messages); up to <see cref="InfluxOptions.MaxConcurrentWrites"/> writes are in flight.
/// Confirmed points are marked for the acknowledgement; what InfluxDB cannot take is spilled. Memory is bounded by the
/// pool of <c>MaxConcurrentWrites + workers</c> write batches and the queue. Message order across workers does not
/// matter: timestamps come from the source and the acknowledgement tolerates any order.
/// </summary>
internal sealed partial class WritePipeline
{
    private readonly InfluxOptions _options;
    private readonly ChannelReader<MqttMessage> _queue;
    private readonly MessageParser _parser;
    private readonly int _workers;
    private readonly InfluxWriter _writer;
    private readonly SpillBuffer _spill;
    private readonly AckTracker _tracker;
    private readonly IngestCounters _counters;
    private readonly DeadLetterPublisher _deadLetters;
    private readonly Action _stored;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<WriteBatch> _free;
    private readonly Signal _drainSignal = new();
    private volatile bool _databaseReady;

    public WritePipeline(
        InfluxOptions options,
        ChannelReader<MqttMessage> queue,
        MessageParser parser,
        int workers,
        InfluxWriter writer,
        SpillBuffer spill,
        AckTracker tracker,
        IngestCounters counters,
        DeadLetterPublisher deadLetters,
        Action stored,
        ILogger logger,
        TimeProvider time)
    {
        _options = options;
        _queue = queue;
        _parser = parser;
        _workers = workers;
        _writer = writer;
        _spill = spill;
        _tracker = tracker;
        _counters = counters;
        _deadLetters = deadLetters;
        _stored = stored;
        _logger = logger;
        _time = time;
        _free = Channel.CreateUnbounded<WriteBatch>();
        var initialBytes = Math.Clamp(options.BatchSize * 160, 4096, 16 * 1024 * 1024);
        for (var i = 0; i < options.MaxConcurrentWrites + workers; i++)
        {
            _free.Writer.TryWrite(new WriteBatch(initialBytes));
        }
    }

    /// <summary>Lets writes go to InfluxDB (until then every batch is spilled) and starts draining the spill buffer.</summary>
    public void DatabaseReady()
    {
        _databaseReady = true;
        _drainSignal.Set();
    }

    /// <summary>
    /// Runs the workers until the queue is completed, then flushes what is left and waits for every write in flight.
    /// <paramref name="cancellationToken"/> is the hard stop (writes are abandoned; the edges re-send).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var workers = new Task[_workers];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);

        // Every batch back in the pool means no write is in flight.
        for (var i = 0; i < _options.MaxConcurrentWrites + _workers; i++)
        {
            await _free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        var encoder = new LineProtocolEncoder();
        var current = await _free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var deadline = DateTimeOffset.MaxValue;
        Task<bool>? waiting = null;
        while (true)
        {
            while (_queue.TryRead(out var message))
            {
                if (!_parser.TryAccept(message, out var item))
                {
                    continue;
                }

                if (current.LineCount == 0)
                {
                    deadline = _time.GetUtcNow() + _options.FlushInterval;
                }

                Add(encoder, current, item);
                if (current.LineCount >= _options.BatchSize)
                {
                    current = await FlushAsync(current, cancellationToken).ConfigureAwait(false);
                }
            }

            if (current.LineCount > 0 && _time.GetUtcNow() >= deadline)
            {
                current = await FlushAsync(current, cancellationToken).ConfigureAwait(false);
            }

            waiting ??= _queue.WaitToReadAsync(cancellationToken).AsTask();
            if (!waiting.IsCompleted && current.LineCount > 0)
            {
                // Wait for the next message, but no longer than the deadline or the idle bound. Live traffic comes
                // here once per message: one timed wait (no linked token source, delay task and WhenAny) keeps it cheap.
                var wait = deadline - _time.GetUtcNow();
                if (_options.IdleFlush > TimeSpan.Zero && _options.IdleFlush < wait)
                {
                    wait = _options.IdleFlush;
                }

                await ((Task)waiting).WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _time, CancellationToken.None)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (!waiting.IsCompleted)
                {
                    current = await FlushAsync(current, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            var more = await waiting.ConfigureAwait(false);
            waiting = null;
            if (!more)
            {
                break;
            }
        }

        if (current.LineCount > 0)
        {
            current = await FlushAsync(current, cancellationToken).ConfigureAwait(false);
        }

        _free.Writer.TryWrite(current);
    }

    private void Add(LineProtocolEncoder encoder, WriteBatch batch, in ReceivedBatch item)
    {
        _tracker.ObserveFloor(item.Edge, item.Batch.Floor);
        var points = item.Batch.Points;
        for (var i = 0; i < points.Count; i++)
        {
            try
            {
                batch.Add(encoder, item.Edge, points[i]);
            }
            catch (ArgumentException ex)
            {
                // Validation keeps this from happening; if it does, the point is dead-lettered, not lost silently.
                _counters.Failure();
                _deadLetters.Failed($"{item.Edge.Site}/{item.Edge.Room}/{item.Edge.Edge}", ReadOnlyMemory<byte>.Empty, ex);
            }
        }
    }

    private async Task<WriteBatch> FlushAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        var next = await _free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        _ = WriteAsync(batch, cancellationToken);
        return next;
    }

    private async Task WriteAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            if (!_databaseReady || !_spill.IsEmpty)
            {
                // Keep order: while older points wait on disk, newer ones queue behind them.
                SpillBatch(batch);
                return;
            }

            var outcome = await _writer.WriteAsync(batch.Lines, cancellationToken).ConfigureAwait(false);
            if (outcome.Handled)
            {
                Stored(batch, outcome);
            }
            else
            {
                SpillBatch(batch);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Not acknowledged, so the edges re-send these points.
            IngestLog.LoopFailed(_logger, "write", ex);
        }
        finally
        {
            batch.Clear();
            _free.Writer.TryWrite(batch);
        }
    }

    private void Stored(WriteBatch batch, WriteOutcome outcome)
    {
        _counters.PointsStored(batch.LineCount - outcome.Refused);
        _tracker.MarkStored(batch.Ranges);
        _stored();
    }

    private void SpillBatch(WriteBatch batch)
    {
        _spill.Append(batch);
        _counters.PointsSpilled(batch.LineCount);
        _drainSignal.Set();
    }
}
