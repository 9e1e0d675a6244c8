using System.Globalization;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Probe.Bench;

/// <summary>
/// Plays the benchmark's file as a live source, in a process of its own that stands in for the studio's encoder (its
/// CPU is not the probe's and is not counted): <c>ffmpeg -re -i FILE -c copy -f mpegts</c> into a loopback socket the
/// probe then monitors exactly as it monitors a room.
/// </summary>
/// <remarks>
/// Why not hand the probe the file: for a file the probe's reader adds <c>-re</c> so seconds mean seconds, and then
/// the probe's own ffmpeg does the feeder's job. ffmpeg 5.1 paces <c>-re</c> by polling: when the next packet is not
/// due yet its main loop sleeps 10 ms and tries again (about 100 wake-ups a second), which costs that process about
/// 0.5–0.8 CPU s a minute more than the same work on a live input, where ffmpeg simply blocks in read() until the
/// encoder's packets arrive. That cost belongs to the test feeder, not to monitoring.
/// <list type="bullet">
/// <item><c>tcp</c> (default): MPEG-TS over a loopback TCP connection, the plainest live transport.</item>
/// <item><c>srt</c>: SRT as the deployed rooms use it (the feeder listens, the probe calls); adds libsrt's own
/// per-packet work (ACKs, TSBPD) to the probe's reader.</item>
/// <item><c>file</c>: the file itself (the probe paces it with <c>-re</c>, as before).</item>
/// </list>
/// </remarks>
internal sealed class LiveFeed : IAsyncDisposable
{
    private readonly ChildProcess? _feeder;

    private LiveFeed(string url, ChildProcess? feeder)
    {
        Url = url;
        _feeder = feeder;
    }

    /// <summary>What the probe is told to monitor.</summary>
    public string Url { get; }

    public static readonly string[] Transports = ["tcp", "srt", "file"];

    public static async Task<LiveFeed> StartAsync(string file, string transport, CancellationToken cancellationToken)
    {
        if (transport == "file")
        {
            return new LiveFeed(file, null);
        }

        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var (listen, url) = transport switch
        {
            "tcp" => ($"tcp://127.0.0.1:{port}?listen=1", $"tcp://127.0.0.1:{port}"),
            "srt" => ($"srt://127.0.0.1:{port}?mode=listener&pkt_size=1316", $"srt://127.0.0.1:{port}?mode=caller"),
            _ => throw new ArgumentException($"transport '{transport}': expected one of {string.Join(", ", Transports)}", nameof(transport)),
        };
        var feeder = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "bench feeder",
            FileName = "ffmpeg",
            Arguments = ["-hide_banner", "-nostdin", "-v", "error", "-re", "-i", file, "-map", "0", "-c", "copy", "-f", "mpegts", listen],
        });

        // The feeder accepts exactly one connection, so nothing may test the port: give it a moment to bind (the probe's
        // reader would retry a refused connection anyway, after its restart delay).
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        if (feeder.HasExited)
        {
            await feeder.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"the feeder exited at once ({listen})");
        }

        return new LiveFeed(url, feeder);
    }

    public async ValueTask DisposeAsync()
    {
        if (_feeder is not null)
        {
            await _feeder.DisposeAsync().ConfigureAwait(false);
        }
    }
}
