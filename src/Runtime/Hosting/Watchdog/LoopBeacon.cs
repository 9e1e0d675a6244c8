namespace LiveRoom.Runtime.Hosting.Watchdog;

/// <summary>
/// A periodic loop's sign of life: the loop calls <see cref="Beat"/> each round; the check fails once no round has come for
/// three periods (at least <see cref="MinSilence"/>). Armed by the first beat and disarmed by <see cref="Stop"/>, so a loop
/// that has not started yet (waiting for its broker) or has ended does not read as hung.
/// </summary>
public sealed class LoopBeacon(string name, TimeSpan period, TimeProvider time) : ILivenessCheck
{
    /// <summary>The shortest silence that counts as hung: 30 s, so a loop of a few seconds is not judged on one slow round.</summary>
    public static readonly TimeSpan MinSilence = TimeSpan.FromSeconds(30);

    private long _lastTicks = long.MinValue; // UTC ticks of the last beat; MinValue: not armed

    public string Name { get; } = name;

    /// <summary>How long a silence means the loop is hung.</summary>
    public TimeSpan Limit { get; } = period * 3 > MinSilence ? period * 3 : MinSilence;

    public void Beat() => Interlocked.Exchange(ref _lastTicks, time.GetUtcNow().UtcTicks);

    /// <summary>The loop has ended on purpose: its silence is no longer a fault.</summary>
    public void Stop() => Interlocked.Exchange(ref _lastTicks, long.MinValue);

    public Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref _lastTicks);
        if (last == long.MinValue)
        {
            return Task.FromResult<string?>(null);
        }

        var silent = time.GetUtcNow().UtcTicks - last;
        return Task.FromResult(silent > Limit.Ticks
            ? $"no round for {TimeSpan.FromTicks(silent).TotalSeconds:0} s (it runs every {period.TotalSeconds:0.#} s; hung after {Limit.TotalSeconds:0} s)"
            : null);
    }
}
