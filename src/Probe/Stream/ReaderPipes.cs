using System.Globalization;
using LiveRoom.Runtime.Processes;
using Microsoft.Win32.SafeHandles;

namespace LiveRoom.Probe.Stream;

/// <summary>
/// The named pipes (FIFOs) the reader writes its outputs into (a .NET child only has stdin, stdout and stderr):
/// <c>packets</c> (framecrc lines) and <c>log</c> (ffmpeg's report: the input dump), both read in
/// batches, <c>pictures</c> (raw frames) and <c>audio</c> (decoded samples, WAV), in a private temporary directory that is
/// removed on dispose. Opening a FIFO blocks until the other end opens; <see cref="ReleaseAll"/> unblocks a reader whose
/// ffmpeg died before opening its end.
/// </summary>
internal sealed class ReaderPipes : IDisposable
{
    private const string Prefix = "liveroom-probe-fifo-";

    private ReaderPipes(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string Pictures => Path.Combine(Directory, "pictures");

    public string Packets => Path.Combine(Directory, "packets");

    public string Log => Path.Combine(Directory, "log");

    public string Audio => Path.Combine(Directory, "audio");

    private string[] All => [Pictures, Packets, Log, Audio];

    public static ReaderPipes Create() => Create(Path.GetTempPath());

    /// <summary>Creates the directory under <paramref name="root"/>, after removing dead probes' directories there.</summary>
    internal static ReaderPipes Create(string root)
    {
        RemoveStale(root);
        var dir = Path.Combine(root, Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var pipes = new ReaderPipes(dir);
        try
        {
            foreach (var path in pipes.All)
            {
                Fifo.Create(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        catch
        {
            pipes.Dispose();
            throw;
        }

        return pipes;
    }

    /// <summary>Opens the read end (blocks until a writer opens the other end, or <see cref="ReleaseAll"/>).</summary>
    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);

    /// <summary>Lets go every reader blocked in <see cref="OpenRead"/> and every writer blocked opening its end.</summary>
    public void ReleaseAll()
    {
        foreach (var path in All)
        {
            Release(path);
        }
    }

    /// <summary>
    /// Lets a reader blocked in <see cref="OpenRead"/> go on to end of file: opening a FIFO read-write never blocks on
    /// Linux and counts as a writer; closing it again leaves no writer, so the read end sees EOF. A writer blocked
    /// opening its end gets through the same way, and its writes then fail.
    /// </summary>
    private static void Release(string path)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (IOException)
        {
            // Already gone.
        }
        catch (UnauthorizedAccessException)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// Removes the directories of probe processes that no longer run (killed before they could clean up), and lets go
    /// an ffmpeg reader such a probe left blocked on one of its FIFOs.
    /// </summary>
    private static void RemoveStale(string root)
    {
        try
        {
            foreach (var dir in System.IO.Directory.EnumerateDirectories(root, Prefix + "*"))
            {
                var name = Path.GetFileName(dir).AsSpan(Prefix.Length);
                var dash = name.IndexOf('-');
                if (dash > 0 && int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !System.IO.Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture)))
                {
                    // Its ffmpeg may outlive it, blocked opening a FIFO for writing with no reader left: let that open
                    // through (its writes then fail and it exits) before the FIFOs go.
                    var stale = new ReaderPipes(dir);
                    stale.ReleaseAll();
                    stale.Dispose();
                }
            }
        }
        catch (IOException)
        {
            // Best effort.
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's probe.
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless (and removed by the next probe that starts).
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
