namespace LiveRoom.Testing;

/// <summary>
/// A fake clock for a frozen process (a paused VM, SIGSTOP): while <see cref="Paused"/>, time moves on (advance the inner
/// <see cref="FakeTimeProvider"/>) but no timer fires; <see cref="Resume"/> fires once each timer that came due meanwhile,
/// as the operating system does for a process that runs again.
/// </summary>
public sealed class PausableTime(FakeTimeProvider inner) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<(TimerCallback Callback, object? State)> _missed = [];

    public bool Paused { get; set; }

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(
            s =>
            {
                lock (_lock)
                {
                    if (Paused)
                    {
                        if (!_missed.Any(m => m.Callback == callback && ReferenceEquals(m.State, s)))
                        {
                            _missed.Add((callback, s));
                        }

                        return;
                    }
                }

                callback(s);
            },
            state,
            dueTime,
            period);

    /// <summary>Runs again: each timer that came due while paused fires once.</summary>
    public void Resume()
    {
        List<(TimerCallback Callback, object? State)> missed;
        lock (_lock)
        {
            Paused = false;
            missed = [.. _missed];
            _missed.Clear();
        }

        foreach (var (callback, state) in missed)
        {
            callback(state);
        }
    }
}
