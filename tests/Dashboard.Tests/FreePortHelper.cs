using LiveRoom.Runtime.Processes;

namespace LiveRoom.Dashboard.Tests;

internal static class FreePortHelper
{
    /// <summary>A loopback port nothing listens on (just released by the kernel).</summary>
    public static int Closed() => FreePort.Next();
}
