namespace LiveRoom.Probe.Network;

/// <summary>How a check came out.</summary>
public enum VerdictLevel
{
    Pass,
    Warn,
    Fail,
}
