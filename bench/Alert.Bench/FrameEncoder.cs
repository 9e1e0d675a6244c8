using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace LiveRoom.Alert.Bench;

/// <summary>
/// A studio encoder whose frame rate the benchmark controls without reconnecting: raw grey 320x180 frames written to
/// ffmpeg's stdin at <see cref="Fps"/>, timestamped by wall clock on arrival (so the stream's timestamps carry the real
/// rate), H.264 in MPEG-TS over an SRT listener the edge connects to. An SRT listener serves one caller and exits when
/// it leaves (the edge reconnects once when it adapts its reader to the picture size), so ffmpeg is restarted until
/// <see cref="DisposeAsync"/>, which closes stdin: the stream ends gracefully (the SRT peer sees a shutdown at once),
/// which is how an encoder's "stop streaming" looks.
/// </summary>
internal sealed class FrameEncoder : IAsyncDisposable
{
    private const int Width = 320;
    private const int Height = 180;
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private FrameEncoder(int port, double fps)
    {
        _port = port;
        Fps = fps;
        _loop = Task.Run(RunAsync);
    }

    public double Fps { get; set; }

    /// <summary>ffmpeg's stderr (the last lines), for a failure message.</summary>
    public static ConcurrentQueue<string> Errors { get; } = new();

    public static FrameEncoder Start(int srtPort, double fps) => new(srtPort, fps);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var ffmpeg = StartFfmpeg();
            try
            {
                await WriteAsync(ffmpeg.StandardInput.BaseStream);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                // ffmpeg exited (its caller left), or the benchmark cuts the stream.
            }

            try
            {
                ffmpeg.StandardInput.Close();
            }
            catch (IOException)
            {
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await ffmpeg.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                ffmpeg.Kill(entireProcessTree: true);
            }
        }
    }

    private Process StartFfmpeg()
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "-hide_banner", "-loglevel", "error",
            "-f", "rawvideo", "-pix_fmt", "gray", "-video_size", string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}"),
            "-use_wallclock_as_timestamps", "1", "-i", "pipe:0",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-g", "30", "-b:v", "500k",
            "-fps_mode", "passthrough",
            "-f", "mpegts", string.Create(CultureInfo.InvariantCulture, $"srt://127.0.0.1:{_port}?mode=listener&latency=200000&pkt_size=1316"),
        })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        _ = Task.Run(async () =>
        {
            // Drained so ffmpeg never blocks on a full pipe.
            while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                Errors.Enqueue(line);
                while (Errors.Count > 20)
                {
                    Errors.TryDequeue(out _);
                }
            }
        });
        return process;
    }

    private async Task WriteAsync(Stream stdin)
    {
        var frame = new byte[Width * Height];
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        var n = 0;
        while (!_stop.IsCancellationRequested)
        {
            // Moving content, so the encoder's output and the edge's picture checks see a live picture.
            Array.Fill(frame, (byte)(16 + (n++ * 7 % 200)), 0, frame.Length / 2);
            await stdin.WriteAsync(frame, _stop.Token);
            await stdin.FlushAsync(_stop.Token);
            next += TimeSpan.FromSeconds(1 / Fps);
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _stop.Token);
            }
            else if (wait < TimeSpan.FromSeconds(-1))
            {
                next = clock.Elapsed; // fell behind (CPU): do not burst
            }
        }
    }
}
