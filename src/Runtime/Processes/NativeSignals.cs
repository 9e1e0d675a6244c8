using System.Runtime.InteropServices;

namespace LiveRoom.Runtime.Processes;

/// <summary>POSIX signals: .NET's Process can only SIGKILL; a graceful stop needs SIGTERM, a process group needs kill(-pgid).</summary>
public static partial class NativeSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
    public const int SigInt = 2;

    // int kill(pid_t pid, int sig);
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int sig);

    /// <summary>Sends a signal (a negative pid addresses that process group); false if no process received it.</summary>
    public static bool Send(int pid, int signal) => KillNative(pid, signal) == 0;
}
