using System.Runtime.InteropServices;

namespace LiveRoom.Mqtt.Interop;

/// <summary>
/// The few libc calls the owning thread needs to sleep until the broker socket or the command queue
/// has work: <c>poll(2)</c> over the libmosquitto socket and an <c>eventfd(2)</c> that producers signal.
/// </summary>
internal static partial class Poll
{
    private const string Libc = "libc";

    public const short PollIn = 0x001;
    public const short PollOut = 0x004;
    public const short PollErr = 0x008;
    public const short PollHup = 0x010;
    public const short PollNval = 0x020;

    private const int EfdCloexec = 0x80000;
    private const int EfdNonblock = 0x800;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    // int poll(struct pollfd *fds, nfds_t nfds, int timeout);
    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int PollFds(PollFd* fds, nuint nfds, int timeout);

    // int eventfd(unsigned int initval, int flags);
    [LibraryImport(Libc, EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFd(uint initval, int flags);

    // ssize_t read(int fd, void *buf, size_t count);
    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, void* buf, nuint count);

    // ssize_t write(int fd, const void *buf, size_t count);
    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, void* buf, nuint count);

    // int close(int fd);
    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    public static int CreateEventFd()
    {
        var fd = EventFd(0, EfdCloexec | EfdNonblock);
        if (fd < 0)
        {
            throw new MqttException($"eventfd failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        return fd;
    }

    public static unsafe void Signal(int eventFd)
    {
        ulong one = 1;
        _ = Write(eventFd, &one, sizeof(ulong));
    }

    public static unsafe void Drain(int eventFd)
    {
        ulong value;
        _ = Read(eventFd, &value, sizeof(ulong));
    }

    public static void CloseFd(int fd) => _ = Close(fd);
}
