using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Standby;
using LiveRoom.Runtime.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveRoom.Ingest.Hosting;

/// <summary>
/// Runs the <see cref="Collector"/> and its <see cref="AlertService"/> for the lifetime of the host: at once, or with
/// <c>Ingest:Standby:Enabled</c> once the <see cref="CollectorLease"/> says this collector is the active one.
/// </summary>
internal sealed class IngestHostedService(
    Collector collector,
    AlertService alerts,
    IOptions<IngestOptions> options,
    Func<CollectorLease> lease,
    IHostApplicationLifetime lifetime,
    ILogger<IngestHostedService> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _standby = Task.CompletedTask;
    private CollectorLease? _lease;
    private bool _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Standby.Enabled)
        {
            await StartCollectingAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        _lease = lease();
        _standby = RunStandbyAsync(_lease, _stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _standby.ConfigureAwait(false);
        if (_started)
        {
            await collector.StopAsync(cancellationToken).ConfigureAwait(false);
            await alerts.StopAsync().ConfigureAwait(false);
        }

        if (_lease is not null)
        {
            await _lease.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task StartCollectingAsync(CancellationToken cancellationToken)
    {
        // Not just "set up at start": an outage later spills every batch, and the heartbeat must say so then too.
        alerts.InfluxHealthy = () => collector.WritingToInflux;
        alerts.SpillPending = () => collector.SpillPending;
        await alerts.StartAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
        await collector.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunStandbyAsync(CollectorLease lease, CancellationToken stopping)
    {
        var instance = options.Value.Standby.Instance;
        try
        {
            var reason = await lease.WaitForTurnAsync(stopping).ConfigureAwait(false);
            StandbyLog.TakingOver(logger, instance, reason);
            alerts.Instance = instance;
            await StartCollectingAsync(stopping).ConfigureAwait(false);
            var rival = await lease.WatchForRivalAsync(stopping).ConfigureAwait(false);
            StandbyLog.SteppingDown(logger, instance, rival, HostRunner.SteppedDown);
            alerts.AnnounceStop = false;
            Environment.ExitCode = HostRunner.SteppedDown;
            lifetime.StopApplication();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            StandbyLog.StartFailed(logger, instance, ex);
            Environment.ExitCode = HostRunner.StartupError;
            lifetime.StopApplication();
        }
    }
}
