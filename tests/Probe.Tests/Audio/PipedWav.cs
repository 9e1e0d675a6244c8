using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Audio;

/// <summary>WAV bytes as ffmpeg's wav muxer writes them to a pipe (as into the reader's FIFO: the sizes stay unknown).</summary>
internal static class PipedWav
{
    /// <param name="lavfi">An ffmpeg lavfi source, e.g. <c>sine=frequency=997:sample_rate=48000:duration=0.1</c>.</param>
    /// <param name="codec">The PCM codec (the reader writes <c>pcm_f32le</c>).</param>
    /// <param name="channels">Channels to write (<c>-ac</c>), or null for the source's own.</param>
    public static async Task<byte[]> MakeAsync(string lavfi, string codec, int? channels = null)
    {
        using var dir = new TempDirectory("wav");
        var path = dir.Combine("out.wav");
        var ac = channels is { } n ? $"-ac {n}" : string.Empty;

        // ffmpeg writes to a pipe and cat copies it into the file.
        (await ProcessRunner.RunAsync(
            "sh",
            ["-c", $"ffmpeg -hide_banner -nostdin -v error -f lavfi -i '{lavfi}' {ac} -c:a {codec} -f wav pipe:1 | cat > \"$0\"", path],
            TimeSpan.FromMinutes(1),
            CancellationToken.None).ConfigureAwait(false)).EnsureSuccess();
        return await File.ReadAllBytesAsync(path).ConfigureAwait(false);
    }
}
