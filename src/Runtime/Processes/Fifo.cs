using System.Runtime.InteropServices;

namespace LiveRoom.Runtime.Processes;

/// <summary>Named pipes (FIFOs), made with the C library's <c>mkfifo</c> rather than by starting the mkfifo program.</summary>
public static partial class Fifo
{
    // int mkfifo(const char *pathname, mode_t mode);
    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkfifoNative(string path, uint mode);

    /// <summary>Creates a FIFO at <paramref name="path"/> with <paramref name="mode"/> (less the umask).</summary>
    /// <exception cref="IOException">It could not be made; the message names the path and the system's reason.</exception>
    public static void Create(string path, UnixFileMode mode)
    {
        if (MkfifoNative(path, (uint)mode) != 0)
        {
            throw new IOException($"mkfifo {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }
}
