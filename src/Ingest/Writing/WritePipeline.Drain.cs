using LiveRoom.Ingest.Diagnostics;

namespace LiveRoom.Ingest.Writing;

/// <summary>Drains the spill buffer, oldest record first, whenever InfluxDB takes writes again.</summary>
internal sealed partial class WritePipeline
{
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var batch = new WriteBatch();
        while (!cancellationToken.IsCancellationRequested)
        {
            await _drainSignal.WaitAsync(_options.DrainProbeInterval, _time, cancellationToken).ConfigureAwait(false);
            if (!_databaseReady)
            {
                continue;
            }

            long drained = 0;
            while (_spill.TryPeek(batch))
            {
                var outcome = await _writer.WriteAsync(batch.Lines, cancellationToken).ConfigureAwait(false);
                if (!outcome.Handled)
                {
                    break;
                }

                _counters.PointsDrained(batch.LineCount - outcome.Refused);
                Stored(batch, outcome);
                _spill.RemoveHead();
                drained++;
            }

            batch.Clear();
            if (drained > 0 && _spill.IsEmpty)
            {
                IngestLog.Drained(_logger, drained);
            }
        }
    }
}
