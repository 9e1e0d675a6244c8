using LiveRoom.Runtime.Processes;

namespace LiveRoom.Runtime.Services;

/// <summary>
/// The life cycle shared by the local servers (<see cref="MosquittoServer"/>, <see cref="InfluxServer"/>): one
/// tracked process, graceful stop, crash-like kill, restart on the same port and data directory.
/// </summary>
public abstract class LocalServer : IAsyncDisposable
{
    private readonly TimeSpan _stopGrace;

    private protected LocalServer(TimeSpan stopGrace)
    {
        _stopGrace = stopGrace;
    }

    /// <summary>Process id of the running server (for tests that kill it from outside).</summary>
    public int ProcessId => Process?.Id ?? 0;

    /// <summary>The running server process (exit code, stderr tail), null before the first start.</summary>
    public ChildProcess? Process { get; private set; }

    /// <summary>Stops gracefully: SIGTERM (the server saves its state), SIGKILL after the grace period.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Process is not null)
        {
            await Process.StopAsync(_stopGrace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL: the server dies as in a crash, without saving.</summary>
    public void Kill() => Process?.Kill();

    /// <summary>Starts the server again on the same port with the same data directory.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (Process is { HasExited: false })
        {
            await StopAsync(cancellationToken).ConfigureAwait(false);
        }

        await LaunchAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the process (<see cref="StartProcess"/>) and waits until it serves.</summary>
    private protected abstract Task LaunchAsync(CancellationToken cancellationToken);

    private protected ChildProcess StartProcess(ChildProcessStartInfo info)
    {
        Process = ChildProcess.Start(info);
        return Process;
    }
}
