using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Collecting;
using Microsoft.Extensions.Hosting;

namespace LiveRoom.Ingest.Hosting;

/// <summary>Runs the <see cref="Collector"/> and its <see cref="AlertService"/> for the lifetime of the host.</summary>
internal sealed class IngestHostedService(Collector collector, AlertService alerts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        alerts.InfluxHealthy = () => collector.DatabaseReady.IsCompletedSuccessfully;
        await alerts.StartAsync(cancellationToken).ConfigureAwait(false);
        await collector.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await collector.StopAsync(cancellationToken).ConfigureAwait(false);
        await alerts.StopAsync().ConfigureAwait(false);
    }
}
