namespace LiveRoom.Ingest.Alerts.Heartbeat;

/// <summary>
/// For a loop that judges silence by the clock (the watchdog's check, a standby's lease): notices that its own process
/// was paused (a frozen VM, SIGSTOP), because a round came far later than due. What it read before the pause is then as
/// old as the pause, and judging it at once would call a live collector silent. Call <see cref="Paused"/> once per round,
/// from that loop only.
/// </summary>
/// <param name="time">The loop's clock.</param>
/// <param name="tolerance">The longest gap between two rounds that is not a pause.</param>
internal sealed class PauseDetector(TimeProvider time, TimeSpan tolerance)
{
    private DateTimeOffset _last = time.GetUtcNow();

    /// <summary>How long the gap since the previous round was, when longer than the tolerance; otherwise null.</summary>
    public TimeSpan? Paused()
    {
        var now = time.GetUtcNow();
        var gap = now - _last;
        _last = now;
        return gap > tolerance ? gap : null;
    }
}
