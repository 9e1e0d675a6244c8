using System.Runtime.InteropServices;

namespace LiveRoom.Backup;

/// <summary>
/// Ctrl-C or SIGTERM (<c>systemctl stop</c>) as a cancellation, so a command stops influxd and cleans up before it
/// exits, instead of the runtime ending the process at once.
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    private StopSignal()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _stop.Token;

    public static StopSignal Listen() => new();

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }
}
