namespace LiveRoom.Demo.Supervision;

/// <summary>Restart after <see cref="Delay"/>, or give up for <see cref="Reason"/>.</summary>
internal readonly record struct RestartDecision(bool Restart, TimeSpan Delay, string? Reason)
{
    public static RestartDecision After(TimeSpan delay) => new(true, delay, null);

    public static RestartDecision GiveUp(string reason) => new(false, TimeSpan.Zero, reason);
}
