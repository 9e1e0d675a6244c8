namespace LiveRoom.EndToEnd.Faults;

/// <summary>Fault tests wait real wall-clock time on purpose (an outage of N minutes); this names that token.</summary>
internal static class TestContext
{
    public static CancellationToken None => CancellationToken.None;
}
