using System.Globalization;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Runtime.Services;

/// <summary>Waits for a started service to accept connections, failing fast (with its own words) if it exits.</summary>
internal static class ServiceReadiness
{
    /// <summary>Refuses to start a service on a port something else already listens on (it would look ready at once).</summary>
    public static async Task EnsurePortFreeAsync(string service, int port, CancellationToken cancellationToken)
    {
        if (await FreePort.IsListeningAsync(port, cancellationToken).ConfigureAwait(false))
        {
            throw new ProcessFailedException(string.Create(CultureInfo.InvariantCulture, $"{service}: port {port} on 127.0.0.1 is already in use by another program"));
        }
    }

    public static async Task WaitForPortAsync(ChildProcess process, int port, TimeSpan timeout, CancellationToken cancellationToken, Func<string>? extraDiagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                var code = await process.Exited.ConfigureAwait(false);
                throw new ProcessFailedException(
                    string.Create(CultureInfo.InvariantCulture, $"{process.Name} exited with code {code} before listening on 127.0.0.1:{port}: {process.StderrTail()} {extraDiagnostics?.Invoke()}").TrimEnd(),
                    code,
                    process.StderrTail());
            }

            if (await FreePort.IsListeningAsync(port, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                process.Kill();
                throw new ProcessFailedException(string.Create(CultureInfo.InvariantCulture, $"{process.Name} did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s: {process.StderrTail()}"));
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }
}
