using LiveRoom.Runtime.Processes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveRoom.Runtime.Hosting;

/// <summary>
/// Runs a LiveRoom host and turns a bad configuration or a missing program into one clear line on
/// stderr and an exit code, never a stack trace as the only output (issue 2, "Bad input").
/// </summary>
public static class HostRunner
{
    /// <summary>Exit code for a configuration error (systemd will not restart-loop on it with RestartPreventExitStatus=2).</summary>
    public const int ConfigurationError = 2;

    /// <summary>Exit code for a missing program or an unusable resource at start.</summary>
    public const int StartupError = 3;

    /// <summary>
    /// Exit code of a standby collector that found another one active and stepped down: not a fault, but the service
    /// manager restarts it (systemd's Restart=on-failure), and it stands by again.
    /// </summary>
    public const int SteppedDown = 4;

    public static async Task<int> RunLiveRoomAsync(this IHost host, string appName)
    {
        try
        {
            await host.RunAsync().ConfigureAwait(false);
            // A host that stops itself for a reason (e.g. SteppedDown) sets Environment.ExitCode before stopping.
            return Environment.ExitCode;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"{appName}: configuration error: {string.Join("; ", ex.Failures)}").ConfigureAwait(false);
            return ConfigurationError;
        }
        catch (ProcessFailedException ex)
        {
            await Console.Error.WriteLineAsync($"{appName}: {ex.Message}").ConfigureAwait(false);
            return StartupError;
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync($"{appName}: {ex.Message}").ConfigureAwait(false);
            return StartupError;
        }
        finally
        {
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                host.Dispose();
            }
        }
    }
}
