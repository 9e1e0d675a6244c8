using Microsoft.Extensions.Hosting;

namespace LiveRoom.Probe.Display;

/// <summary>
/// The embedded web host's lifetime: no console or signal hooks of its own (the probe's generic host owns Ctrl+C and
/// SIGTERM, and stops the door display server with everything else).
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
