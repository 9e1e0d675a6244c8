using LiveRoom.Demo.Options;

namespace LiveRoom.Demo.Supervision;

/// <summary>
/// When to restart a child that exited: 1 s, doubling per quick failure up to 30 s; back to 1 s after a
/// healthy run (30 s or more); give up after 5 quick failures in a row, or at once when a LiveRoom
/// service exits with a configuration or startup error (restarting cannot fix those).
/// </summary>
/// <param name="giveUpOnConfigurationError">The child is a LiveRoom service: exit codes 2 and 3 mean a setting or resource is wrong.</param>
/// <param name="giveUpAfterQuickFailures">Whether quick failures in a row stop the demo (core services), or are retried for ever at the longest delay (encoders, probes).</param>
internal sealed class RestartBackoff(bool giveUpOnConfigurationError, bool giveUpAfterQuickFailures)
{
    /// <summary>LiveRoom.Runtime.Hosting.HostRunner's exit codes for a bad setting and an unusable resource.</summary>
    private static readonly int[] ConfigurationExitCodes = [2, 3];

    private int _quickFailures;

    public RestartDecision OnExit(TimeSpan ranFor, int? exitCode)
    {
        if (giveUpOnConfigurationError && exitCode is { } code && ConfigurationExitCodes.Contains(code))
        {
            return RestartDecision.GiveUp("it reported a configuration or startup error; restarting will not fix that");
        }

        _quickFailures = ranFor >= DemoDefaults.HealthyRun ? 1 : _quickFailures + 1;
        if (giveUpAfterQuickFailures && _quickFailures > DemoDefaults.MaxQuickFailures)
        {
            return RestartDecision.GiveUp($"it failed {DemoDefaults.MaxQuickFailures} times in a row within {DemoDefaults.HealthyRun.TotalSeconds} s of starting");
        }

        var delay = DemoDefaults.RestartMinDelay * Math.Pow(2, Math.Min(_quickFailures - 1, 16));
        return RestartDecision.After(delay < DemoDefaults.RestartMaxDelay ? delay : DemoDefaults.RestartMaxDelay);
    }
}
