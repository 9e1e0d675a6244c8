namespace LiveRoom.Runtime.Hosting.Watchdog;

/// <summary>
/// One thing that must work for this service to count as alive (its web server answers, its checking loop runs).
/// <see cref="ServiceWatchdog"/> asks every check each period and tells systemd the service is alive only when all of them are.
/// </summary>
public interface ILivenessCheck
{
    /// <summary>What is checked, as the log names it.</summary>
    string Name { get; }

    /// <summary>Null when alive; otherwise what is wrong, in a sentence for the log.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}
