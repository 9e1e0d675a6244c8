using System.Collections.Concurrent;
using System.Globalization;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Probe.Tests.Stream;

/// <summary>
/// More streams with known properties, made by ffmpeg once per test run (MPEG-TS, H.264 ultrafast, AAC mono 48 kHz,
/// 320x180): the CBR-padded, jittered-timestamp and loud-burst cases.
/// </summary>
internal static class GeneratedStreams
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "liveroom-probe-generated-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Made = new(StringComparer.Ordinal);

    // x264 in strict CBR: every frame (key or not) of a simple picture is padded with filler to bitrate / fps bytes.
    private static readonly string[] CbrPadded = ["-b:v", "1M", "-minrate", "1M", "-maxrate", "1M", "-bufsize", "500k", "-x264-params", "nal-hrd=cbr"];

    static GeneratedStreams()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Left in /tmp.
            }
        };
    }

    /// <summary>A frozen encoder that still sends sound, in strict CBR: colour bars padded to 5006 bytes a frame, a steady tone, 16 s.</summary>
    public static Task<string> FrozenWithSoundCbrPadded() => Make(
        "frozen-cbr",
        ["-f", "lavfi", "-i", "smptebars=size=320x180:rate=25:duration=16", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=16"],
        CbrPadded);

    /// <summary>A seated host (a small moving patch) before a static backdrop, talking (tone bursts), in strict CBR, 16 s.</summary>
    public static Task<string> TalkingHostCbrPadded() => Make(
        "host-cbr",
        [
            "-f", "lavfi", "-i", "smptebars=size=320x180:rate=25:duration=16", "-f", "lavfi", "-i", "testsrc2=size=48x48:rate=25:duration=16",
            "-f", "lavfi", "-i", "aevalsrc=0.3*sin(2*PI*220*t)*lt(mod(t\\,1)\\,0.6):s=48000:d=16",
            "-filter_complex", "[0:v][1:v]overlay=x='120+30*sin(t*3)':y='60+10*cos(t*2)'[v]", "-map", "[v]", "-map", "2:a",
        ],
        CbrPadded);

    /// <summary>Frames at irregular times: of a 60 fps source, frames 0 and 2 of every 5 (33 ms and 50 ms apart in turn), 10 s.</summary>
    public static Task<string> JitteredFrameTimes() => Make(
        "jitter",
        [
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=60:duration=10", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=10",
            "-vf", "select='eq(mod(n\\,5)\\,0)+eq(mod(n\\,5)\\,2)'", "-fps_mode", "vfr",
        ],
        []);

    /// <summary>
    /// A 997 Hz tone at amplitude 0.5 (-6 dBTP) for the first 2 s, then at 0.1 (-20 dBTP) until 12 s; moving picture.
    /// (Louder bursts overshoot full scale in the AAC coding itself: ffmpeg's own ebur128 reads +0.3 dBTP for 0.9.)
    /// </summary>
    public static Task<string> LoudBurstThenQuiet() => Make(
        "burst",
        [
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=12",
            "-f", "lavfi", "-i", "aevalsrc=if(lt(t\\,2)\\,0.5\\,0.1)*sin(2*PI*997*t):s=48000:d=12",
        ],
        []);

    private static Task<string> Make(string name, string[] inputs, string[] video) =>
        Made.GetOrAdd(name, _ => new Lazy<Task<string>>(() => MakeAsync(name, inputs, video))).Value;

    private static async Task<string> MakeAsync(string name, string[] inputs, string[] video)
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, name + ".ts");
        string[] args =
        [
            "-hide_banner", "-nostdin", "-v", "error", "-y",
            .. inputs,
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "12", .. video,
            "-c:a", "aac", "-b:a", "128k", "-ac", "1",
            "-f", "mpegts", path,
        ];
        (await ProcessRunner.RunAsync("ffmpeg", args, TimeSpan.FromMinutes(3), CancellationToken.None)).EnsureSuccess();
        return path;
    }
}
