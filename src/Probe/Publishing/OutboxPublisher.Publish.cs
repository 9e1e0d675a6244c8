using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Mqtt;
using LiveRoom.Probe.Outbox;

namespace LiveRoom.Probe.Publishing;

public sealed partial class OutboxPublisher
{
    private async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        ReapCompleted();
        if (!_client.IsConnected)
        {
            return;
        }

        RewindIfDue();

        // Group commit before reading: only fsynced points are read, so a publish is never taken back by a power loss.
        _outbox.Sync();
        while (_client.IsConnected && !cancellationToken.IsCancellationRequested)
        {
            long from;
            lock (_gate)
            {
                from = _cursor;
            }

            var page = _outbox.Read(from, _options.MaxBatchPoints, _options.MaxBatchBytes);
            if (page.Count == 0)
            {
                return;
            }

            await WaitForWindowAsync(cancellationToken).ConfigureAwait(false);

            // The resend clock starts when the batch is handed to the client, not after: an acknowledgement (or, in
            // tests, a clock step) can arrive before this pass gets back to record it.
            var sentAt = _time.GetTimestamp();
            foreach (var (payload, topic, first, last) in Encode(page))
            {
                var publish = _client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain: false, cancellationToken);
                _inFlight.Add(ObserveAsync(publish, first, last));
                Interlocked.Increment(ref _published);
            }

            lock (_gate)
            {
                var lastSeq = page[^1].Point.Seq;
                if (_cursor == from)
                {
                    _cursor = lastSeq + 1;
                    _unacked.Enqueue((lastSeq, sentAt));
                }
            }
        }
    }

    private void RewindIfDue()
    {
        string? reason = null;
        if (Interlocked.Exchange(ref _rewindRequested, 0) == 1)
        {
            reason = "connected";
        }

        lock (_gate)
        {
            // Resend only when the collector is not making progress either: during a long replay the oldest batch can
            // wait longer than ResendAfter behind the collector's queue, and starting over would only double the load.
            if (reason is null
                && _unacked.TryPeek(out var oldest)
                && _time.GetElapsedTime(oldest.SentAt) >= _options.ResendAfter
                && _time.GetElapsedTime(_lastAckProgress) >= _options.ResendAfter)
            {
                reason = "unacknowledged too long";
            }

            if (reason is null)
            {
                return;
            }

            _unacked.Clear();
            _cursor = _outbox.Floor;
        }

        PublisherLog.Rewind(_logger, _cursor, reason);
    }

    /// <summary>One message for the page, split in halves in the unlikely case the envelope pushes it over the limit.</summary>
    private IEnumerable<(byte[] Payload, string Topic, long First, long Last)> Encode(IReadOnlyList<StoredPoint> page)
    {
        var points = new MetricPoint[page.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = page[i].Point;
        }

        var pending = new Stack<ArraySegment<MetricPoint>>();
        pending.Push(points);
        var floor = _outbox.Floor;
        while (pending.TryPop(out var part))
        {
            var batch = new MetricBatch
            {
                V = SchemaVersion.Current,
                Site = _options.Site,
                Room = _options.Room,
                Edge = _outbox.EdgeId,
                Floor = Math.Min(floor, part[0].Seq),
                Points = part,
            };
            var payload = JsonSerializer.SerializeToUtf8Bytes(batch, ContractsJsonContext.Default.MetricBatch);
            if (payload.Length > Limits.MaxPayloadBytes && part.Count > 1)
            {
                var half = part.Count / 2;
                pending.Push(part[half..]);
                pending.Push(part[..half]);
                continue;
            }

            yield return (payload, BatchTopic.For(_options.Site, _options.Room, part), part[0].Seq, part[^1].Seq);
        }
    }

    private async Task WaitForWindowAsync(CancellationToken cancellationToken)
    {
        ReapCompleted();
        while (_inFlight.Count >= _options.MaxInFlight)
        {
            await Task.WhenAny(_inFlight).WaitAsync(cancellationToken).ConfigureAwait(false);
            ReapCompleted();
        }
    }

    private void ReapCompleted() => _inFlight.RemoveAll(t => t.IsCompleted);

    private async Task ObserveAsync(Task publish, long first, long last)
    {
        try
        {
            await publish.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down; the points stay in the outbox.
        }
        catch (Exception ex)
        {
            // Refused or failed: nothing is trimmed, so the resend timer sends it again.
            PublisherLog.PublishFailed(_logger, ex, first, last);
        }
    }

    private void HandleAck(ReadOnlySpan<byte> payload)
    {
        AckMessage? ack;
        try
        {
            ack = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.AckMessage);
        }
        catch (JsonException ex)
        {
            PublisherLog.BadAck(_logger, ex, _ackTopic);
            return;
        }

        if (ack is null)
        {
            PublisherLog.BadAck(_logger, null, _ackTopic);
            return;
        }

        if (!string.Equals(ack.Edge, _outbox.EdgeId, StringComparison.Ordinal))
        {
            PublisherLog.ForeignAck(_logger, ack.Edge);
            return;
        }

        var progressed = _outbox.Acknowledge(ack.Seq);
        lock (_gate)
        {
            if (progressed)
            {
                _lastAckProgress = _time.GetTimestamp();
            }

            var acked = _outbox.Acked;
            while (_unacked.TryPeek(out var sent) && sent.LastSeq <= acked)
            {
                _unacked.Dequeue();
            }
        }

        PublisherLog.Acked(_logger, ack.Seq, _outbox.Floor);
    }
}
