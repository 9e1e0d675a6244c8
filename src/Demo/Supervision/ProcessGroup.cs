using LiveRoom.Runtime.Processes;

namespace LiveRoom.Demo.Supervision;

/// <summary>
/// The demo starts each child through <c>setsid</c>, so the child leads its own process group: a Ctrl-C in
/// the terminal reaches only the supervisor (which then stops children in order), and whatever a child
/// leaves behind (an ffmpeg it spawned) can be killed with its group, even after re-parenting.
/// </summary>
internal static class ProcessGroup
{
    /// <summary>Full path of <c>setsid</c> (util-linux), or null where it is missing.</summary>
    public static string? Setsid { get; } = ProgramLocator.Find("setsid");

    /// <summary>SIGKILL every process left in the group led by <paramref name="leaderPid"/>; false if none was left.</summary>
    public static bool KillGroup(int leaderPid) => leaderPid > 1 && NativeSignals.Send(-leaderPid, NativeSignals.SigKill);
}
