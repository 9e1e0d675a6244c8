using System.Threading.Channels;
using LiveRoom.Ingest.Acking;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Ingest.Influx;
using LiveRoom.Ingest.LineProtocol;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Spill;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Writing;

/// <summary>
/// Encodes queued batches into write batches bounded by size (<see cref="InfluxOptions.BatchSize"/> lines) and time
/// (<see cref="InfluxOptions.FlushInterval"/>), keeps up to <see cref="InfluxOptions.MaxConcurrentWrites"/> writes in flight,
/// marks confirmed points for the acknowledgement, and spills what InfluxDB cannot take. Memory is bounded by the
/// pool of <c>MaxConcurrentWrites + 1</c> write batches and the queue.
/// </summary>
internal sealed partial class WritePipeline
{
    private readonly InfluxOptions _options;
    private readonly ChannelReader<ReceivedBatch> _queue;
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
    private readonly LineProtocolEncoder _encoder = new();
    private volatile bool _databaseReady;

    public WritePipeline(
        InfluxOptions options,
        ChannelReader<ReceivedBatch> queue,
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
        for (var i = 0; i <= options.MaxConcurrentWrites; i++)
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
    /// Runs until the queue is completed, then flushes what is left and waits for every write in flight.
    /// <paramref name="cancellationToken"/> is the hard stop (writes are abandoned; the edges re-send).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var current = await _free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var deadline = DateTimeOffset.MaxValue;
        Task<bool>? waiting = null;
        while (true)
        {
            while (_queue.TryRead(out var item))
            {
                if (current.LineCount == 0)
                {
                    deadline = _time.GetUtcNow() + _options.FlushInterval;
                }

                Add(current, item);
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
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var wait = deadline - _time.GetUtcNow();
                var delay = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _time, cts.Token);
                await Task.WhenAny(waiting, delay).ConfigureAwait(false);
                await cts.CancelAsync().ConfigureAwait(false);
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

        // Every batch back in the pool means no write is in flight.
        for (var i = 0; i < _options.MaxConcurrentWrites; i++)
        {
            await _free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Add(WriteBatch batch, in ReceivedBatch item)
    {
        _tracker.ObserveFloor(item.Edge, item.Batch.Floor);
        var points = item.Batch.Points;
        for (var i = 0; i < points.Count; i++)
        {
            try
            {
                batch.Add(_encoder, item.Edge, points[i]);
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
