using System.Diagnostics;
using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Frames;
using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Vision.Bench;

/// <summary>
/// 300 all-intra 1080p frames (150 testsrc2 pattern, 150 of a synthetic "studio": noisy backdrop, desk band, lit seat with a
/// host box), then in one run: (a) ffmpeg decodes and scales them to 640x360 yuv420p into a pipe and LiveRoom's
/// VisionMonitor analyses every frame (lighting + framing against the first studio frame); (b) ffmpeg decodes, scales
/// the same way and runs signalstats. Wall time per frame of each, best of three, and last line <c>vision_ratio a/b</c>.
/// </summary>
internal static class VisionBenchmark
{
    private const int W = 640, H = 360;

    public static async Task<int> RunAsync(CancellationToken cancel)
    {
        var dir = Directory.CreateTempSubdirectory("liveroom-vision-bench").FullName;
        try
        {
            var input = Path.Combine(dir, "frames.mkv");
            await Ffmpeg(cancel, Stdout.Discard, "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=5",
                "-f", "lavfi", "-i", "color=c=0x707070:size=1920x1080:rate=30:duration=5",
                "-filter_complex",
                "[1:v]noise=alls=60:allf=p,gblur=sigma=3,drawbox=x=0:y=648:w=1920:h=216:color=0x505050@0.8:t=fill,"
                + "drawbox=x=672:y=108:w=576:h=540:color=0xC0C0C0@0.3:t=fill,drawbox=x=860:y=250:w=200:h=380:color=0xB08070:t=fill[s];"
                + "[0:v][s]concat=n=2:v=1[v]",
                "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", "-g", "1", "-crf", "18", "-pix_fmt", "yuv420p", input);

            var reference = await ReferenceFrom(input, cancel);
            double bestOurs = double.MaxValue, bestTheirs = double.MaxValue;
            var frames = 0L;
            for (var round = 0; round < 3; round++)
            {
                var (ms, n) = await Ours(input, reference, cancel);
                bestOurs = Math.Min(bestOurs, ms / n);
                frames = n;
                bestTheirs = Math.Min(bestTheirs, await Theirs(input, cancel) / n);
            }

            var ci = CultureInfo.InvariantCulture;
            var (lighting, framing, whole) = await InMemory(input, reference, cancel);
            Console.WriteLine(string.Create(ci, $"frames {frames} (1080p all-intra, scaled to {W}x{H})"));
            Console.WriteLine(string.Create(ci, $"analysis alone, frames in memory (ms/frame, best of 3): lighting {lighting:0.000}, framing {framing:0.000}, VisionMonitor {whole:0.000}"));
            Console.WriteLine(string.Create(ci, $"liveroom_vision_ms_per_frame {bestOurs:0.000}   (ffmpeg decode+scale -> pipe -> lighting+framing)"));
            Console.WriteLine(string.Create(ci, $"ffmpeg_signalstats_ms_per_frame {bestTheirs:0.000}   (ffmpeg decode+scale+signalstats)"));
            Console.WriteLine(string.Create(ci, $"vision_ratio {bestOurs / bestTheirs:0.000}"));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string[] Decode(string input) =>
        ["-hide_banner", "-loglevel", "error", "-i", input, "-vf", $"scale={W}:{H}:flags=fast_bilinear,format=yuv420p"];

    private static async Task<Reference> ReferenceFrom(string input, CancellationToken cancel)
    {
        var raw = new byte[Frame.ByteCount(W, H)];
        await Ffmpeg(cancel, s => s.ReadExactly(raw), ["-ss", "6", .. Decode(input), "-frames:v", "1", "-f", "rawvideo", "-"]);
        var layout = new RoomLayout
        {
            Backdrop = new NormRect(0, 0, 1, 0.6),
            Desk = new NormRect(0, 0.6, 1, 0.2),
            Seat = new NormRect(0.35, 0.1, 0.3, 0.5),
            Background = new NormRect(0, 0.8, 1, 0.2),
        };
        return Reference.Capture(raw.AsSpan(0, W * H), raw.AsSpan(W * H, W * H / 4), raw.AsSpan(W * H * 5 / 4, W * H / 4), W, H, layout, 1, "bench", DateTimeOffset.UnixEpoch);
    }

    private static async Task<(double Ms, long Frames)> Ours(string input, Reference reference, CancellationToken cancel)
    {
        var sink = new CountingSink();
        var reader = new FrameReader(W, H, [new VisionMonitor(sink, new VisionOptions(), reference)], TimeProvider.System);
        var watch = Stopwatch.StartNew();
        await Ffmpeg(cancel, reader.Run, [.. Decode(input), "-f", "rawvideo", "-"]);
        return (watch.Elapsed.TotalMilliseconds, reader.Count);
    }

    /// <summary>Where our time goes, without ffmpeg or the pipe: the frames decoded once into memory, then each part timed.</summary>
    private static async Task<(double Lighting, double Framing, double Whole)> InMemory(string input, Reference reference, CancellationToken cancel)
    {
        var size = Frame.ByteCount(W, H);
        var frames = new List<byte[]>();
        await Ffmpeg(cancel, s =>
        {
            while (true)
            {
                var raw = new byte[size];
                if (s.ReadAtLeast(raw, size, throwOnEndOfStream: false) < size)
                {
                    return;
                }

                frames.Add(raw);
            }
        }, [.. Decode(input), "-f", "rawvideo", "-"]);

        var lighting = new LightingAnalyzer();
        var framing = new FramingAnalyzer(reference.Y, W, H, reference.Layout);
        var reader = new FrameReader(W, H, [new VisionMonitor(new CountingSink(), new VisionOptions(), reference)], TimeProvider.System);
        double bestLighting = double.MaxValue, bestFraming = double.MaxValue, bestWhole = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var f in frames)
            {
                lighting.Analyze(f.AsSpan(0, W * H), f.AsSpan(W * H, W * H / 4), f.AsSpan(W * H * 5 / 4, W * H / 4), W, H, reference.Layout);
            }

            bestLighting = Math.Min(bestLighting, watch.Elapsed.TotalMilliseconds / frames.Count);
            watch.Restart();
            foreach (var f in frames)
            {
                framing.Analyze(f.AsSpan(0, W * H));
            }

            bestFraming = Math.Min(bestFraming, watch.Elapsed.TotalMilliseconds / frames.Count);
            watch.Restart();
            foreach (var f in frames)
            {
                reader.Deliver(f);
            }

            bestWhole = Math.Min(bestWhole, watch.Elapsed.TotalMilliseconds / frames.Count);
        }

        return (bestLighting, bestFraming, bestWhole);
    }

    private static async Task<double> Theirs(string input, CancellationToken cancel)
    {
        var decode = Decode(input);
        decode[^1] += ",signalstats";
        var watch = Stopwatch.StartNew();
        await Ffmpeg(cancel, Stdout.Discard, [.. decode, "-f", "null", "-"]);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task Ffmpeg(CancellationToken cancel, Action<System.IO.Stream> stdout, params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await Task.Run(() => stdout(process.StandardOutput.BaseStream), cancel);
        await process.WaitForExitAsync(cancel);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg exited " + process.ExitCode + ": " + await stderr);
        }
    }

    private static class Stdout
    {
        public static void Discard(System.IO.Stream s) => s.CopyTo(System.IO.Stream.Null);
    }

    private sealed class CountingSink : IMetricSink
    {
        public long Count { get; private set; }

        public MetricPoint Append(MetricPoint point)
        {
            Count++;
            return point;
        }
    }
}
