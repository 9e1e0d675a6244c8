using System.Globalization;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>
/// Encodes one yuv420p frame as a small JPEG with a one-shot ffmpeg (issue 5 item 5; no image library is available
/// here). The frame goes through a file in <paramref name="workDirectory"/> because the process runner's pipes are
/// text lines; a 640x360 frame is 345 KiB, written once every few minutes. The quality is lowered (and then the size
/// halved) until the JPEG fits <see cref="ThumbnailMessage.MaxJpegBytes"/>.
/// </summary>
public sealed class ThumbnailEncoder(string ffmpeg, string workDirectory, int quality, int maxWidth = VisionDefaults.ThumbnailMaxWidth)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The JPEG and its size; throws <see cref="ProcessFailedException"/> when ffmpeg fails or is missing.</summary>
    public async Task<EncodedThumbnail> EncodeAsync(ReadOnlyMemory<byte> yuv, int width, int height, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var id = Guid.NewGuid().ToString("N")[..12];
        var input = Path.Combine(workDirectory, id + ".yuv.tmp");
        var output = Path.Combine(workDirectory, id + ".jpg.tmp");
        try
        {
            await File.WriteAllBytesAsync(input, yuv, cancellationToken).ConfigureAwait(false);
            var (w, h) = Fit(width, height, maxWidth);
            var q = quality;
            while (true)
            {
                var result = await ProcessRunner.RunAsync(ffmpeg, Arguments(input, output, width, height, w, h, q), Timeout, cancellationToken).ConfigureAwait(false);
                result.EnsureSuccess();
                var jpeg = await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
                if (jpeg.Length <= ThumbnailMessage.MaxJpegBytes)
                {
                    return new EncodedThumbnail(jpeg, w, h, q);
                }

                // A very busy picture: coarser quantisation first, then a quarter of the pixels.
                if (q < 31)
                {
                    q = Math.Min(31, q * 2);
                }
                else if (w > 160)
                {
                    (w, h) = Fit(w, h, w / 2);
                }
                else
                {
                    throw new ProcessFailedException(string.Create(CultureInfo.InvariantCulture, $"ffmpeg: even a {w}x{h} JPEG at q {q} is {jpeg.Length} bytes, over {ThumbnailMessage.MaxJpegBytes}"), null, string.Empty);
                }
            }
        }
        finally
        {
            TryDelete(input);
            TryDelete(output);
        }
    }

    internal static string[] Arguments(string input, string output, int width, int height, int outWidth, int outHeight, int q) =>
    [
        "-nostdin", "-hide_banner", "-loglevel", "error",
        "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", string.Create(CultureInfo.InvariantCulture, $"{width}x{height}"), "-i", input,
        "-frames:v", "1",

        // The samples are video range (16..235); JPEG is full range.
        "-vf", string.Create(CultureInfo.InvariantCulture, $"scale={outWidth}:{outHeight}:in_range=tv:out_range=pc,format=yuvj420p"),
        "-q:v", q.ToString(CultureInfo.InvariantCulture), "-f", "mjpeg", "-y", output,
    ];

    /// <summary>The frame scaled down to at most <paramref name="max"/> wide, even sides, same aspect.</summary>
    internal static (int Width, int Height) Fit(int width, int height, int max)
    {
        if (width <= max)
        {
            return (width, height);
        }

        var h = (int)Math.Round((double)height * max / width / 2) * 2;
        return (max / 2 * 2, Math.Max(2, h));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
