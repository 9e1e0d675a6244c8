namespace LiveRoom.Demo.Notices;

/// <summary>A POST the inbox refused: when, the status it answered and why.</summary>
internal sealed record RefusedRequest(DateTimeOffset At, int Status, string Reason);
