using System.Globalization;
using LiveRoom.Probe.Vision.Analysis;
using LiveRoom.Probe.Vision.Evidence;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Probe.Vision.Commissioning;

/// <summary>
/// <c>liveroom-probe reference capture|approve</c> (issue 5 item 2) at the studio PC, without the dashboard:
/// <c>capture</c> takes one frame from the room's source (one-shot ffmpeg, scaled to 640x360 as the worker samples) as a
/// candidate and writes a JPEG of it to look at; <c>approve</c> makes a candidate, with regions, the next reference
/// version. Exit 0 on success, 1 when refused or failed, 2 for wrong arguments.
/// </summary>
public static class ReferenceCommandLine
{
    public const string Verb = "reference";

    private static readonly TimeSpan CaptureTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = ReferenceArguments.Parse(args, out var problem);
        if (parsed is null)
        {
            await error.WriteLineAsync($"{problem}\n{ReferenceArguments.Usage}").ConfigureAwait(false);
            return 2;
        }

        var candidates = new ReferenceCandidates(parsed.Directory);
        try
        {
            return parsed.Action == "capture"
                ? await CaptureAsync(parsed, candidates, output, error, time, cancellationToken).ConfigureAwait(false)
                : await ApproveAsync(parsed, candidates, output, error, time).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ProcessFailedException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("reference " + parsed.Action + " failed: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> CaptureAsync(ReferenceArguments a, ReferenceCandidates candidates, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = "cli-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var (w, h) = (ProbeDefaults.FrameWidth, ProbeDefaults.FrameHeight);
        Directory.CreateDirectory(candidates.Directory);
        var raw = Path.Combine(candidates.Directory, id + ".raw.tmp");
        try
        {
            var result = await ProcessRunner.RunAsync(
                a.Ffmpeg,
                ["-nostdin", "-hide_banner", "-loglevel", "error", "-i", a.Source!, "-frames:v", "1", "-an",
                 "-vf", string.Create(CultureInfo.InvariantCulture, $"scale={w}:{h}:flags=fast_bilinear,format=yuv420p"), "-f", "rawvideo", "-y", raw],
                CaptureTimeout,
                cancellationToken).ConfigureAwait(false);
            result.EnsureSuccess();
            var yuv = await File.ReadAllBytesAsync(raw, cancellationToken).ConfigureAwait(false);
            if (yuv.Length != w * h * 3 / 2)
            {
                await error.WriteLineAsync($"reference capture: ffmpeg gave no frame from {a.Source} ({yuv.Length} bytes)").ConfigureAwait(false);
                return 1;
            }

            var path = candidates.Save(id, yuv, w, h, now);
            var jpeg = await new ThumbnailEncoder(a.Ffmpeg, candidates.Directory, VisionDefaults.ThumbnailQuality).EncodeAsync(yuv, w, h, cancellationToken).ConfigureAwait(false);
            var jpegPath = Path.ChangeExtension(path, ".jpg");
            await File.WriteAllBytesAsync(jpegPath, jpeg.Jpeg, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"captured {id} for room {a.Room}\n  frame: {path}\n  look:  {jpegPath}\nmark the regions, then: liveroom-probe reference approve --room {a.Room} --capture {id} --regions \"backdrop=x,y,w,h;desk=…;seat=…;background=…\"").ConfigureAwait(false);
            return 0;
        }
        finally
        {
            File.Delete(raw);
        }
    }

    private static async Task<int> ApproveAsync(ReferenceArguments a, ReferenceCandidates candidates, TextWriter output, TextWriter error, TimeProvider time)
    {
        if (RegionSpec.Parse(a.Regions!, out var specError) is not { } regions)
        {
            await error.WriteLineAsync("reference approve: --regions " + specError).ConfigureAwait(false);
            return 2;
        }

        if (RegionMapping.ToLayout(regions, out var problem) is not { } layout)
        {
            await error.WriteLineAsync("reference approve refused: " + problem).ConfigureAwait(false);
            return 1;
        }

        var version = (ReferenceStore.Load(a.Directory, out _)?.Version ?? 0) + 1;
        var reference = candidates.Promote(a.Capture!, layout, version, a.By, time.GetUtcNow(), out var refusal);
        if (reference is null)
        {
            await error.WriteLineAsync("reference approve refused: " + refusal).ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"reference version {version} of room {a.Room} approved by {a.By} ({reference.Width}x{reference.Height}) in {a.Directory}; a running edge uses it after a restart")).ConfigureAwait(false);
        return 0;
    }
}
