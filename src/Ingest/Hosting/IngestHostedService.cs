using LiveRoom.Ingest.Collecting;
using Microsoft.Extensions.Hosting;

namespace LiveRoom.Ingest.Hosting;

/// <summary>Runs the <see cref="Collector"/> for the lifetime of the host.</summary>
internal sealed class IngestHostedService(Collector collector) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => collector.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => collector.StopAsync(cancellationToken);
}
