namespace LiveRoom.Ingest.Alerts.Lifecycle;

/// <summary>The engine's loop: wakes at once on a condition change, otherwise every tick interval.</summary>
public sealed partial class AlertEngine
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ProcessPending();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var changed = _changes.Reader.WaitToReadAsync(cts.Token).AsTask();
            var tick = Task.Delay(_options.TickInterval, _time, cts.Token);
            await Task.WhenAny(changed, tick).ConfigureAwait(false);
            await cts.CancelAsync().ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
