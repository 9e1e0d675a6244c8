using Microsoft.Extensions.Hosting;

namespace LiveRoom.Runtime.Hosting;

/// <summary>
/// The lifetime of a web host embedded in another host (the probe's door display, the demo's notice inbox): no console
/// or signal hooks of its own; the outer host owns Ctrl+C and SIGTERM, and stops the embedded one with everything else.
/// </summary>
public sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
