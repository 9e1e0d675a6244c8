using System.Collections.Concurrent;
using System.Globalization;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Probe.Tests.Fixtures;

/// <summary>
/// Streams with known properties, made by ffmpeg once per test run (small pictures and short durations unless the
/// property needs more, so the tests stay fast): MPEG-TS, H.264 ultrafast (no B-frames), keyframe every 0.5 s unless
/// said otherwise, AAC mono 48 kHz.
/// </summary>
internal static class TestStreams
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "liveroom-probe-streams-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Made = new(StringComparer.Ordinal);

    static TestStreams()
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

    /// <summary>320x180 at 25 fps with a 1 kHz tone, 10 s.</summary>
    public static Task<string> At25Fps() => Make("p25", Video("testsrc2=size=320x180:rate=25", 10), Audio("sine=frequency=1000:sample_rate=48000", 10));

    /// <summary>1280x720 at 30 fps, 6 s.</summary>
    public static Task<string> At720p() => Make("p720", Video("testsrc2=size=1280x720:rate=30", 6), Audio("sine=frequency=1000:sample_rate=48000", 6));

    /// <summary>3840x2160 at 10 fps, 4 s (resolution is the property; a low rate keeps it quick to make).</summary>
    public static Task<string> At4K() => Make("p4k", Video("testsrc2=size=3840x2160:rate=10", 4), Audio("sine=frequency=1000:sample_rate=48000", 4));

    /// <summary>1920x1080 at 30 fps, about 5 Mbit/s, keyframe every 2 s, tone at about -21 LUFS: passes the profile. 16 s.</summary>
    public static Task<string> At1080p30() => Make(
        "p1080",
        ["-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=16"],
        Audio("sine=frequency=1000:sample_rate=48000", 16),
        ["-b:v", "5M", "-minrate", "5M", "-maxrate", "5M", "-bufsize", "2M", "-x264-params", "nal-hrd=cbr", "-g", "60"]);

    /// <summary>Tone for 2 s, then digital silence for 14 s; moving picture.</summary>
    public static Task<string> SilenceAfter2s() => Make("silence", Video("testsrc2=size=320x180:rate=25", 16), Audio("aevalsrc=0.3*sin(2*PI*440*t)*lt(t\\,2):s=48000", 16));

    /// <summary>A picture that never changes (colour bars) with a steady tone: a frozen encoder that still sends audio.</summary>
    public static Task<string> FrozenWithSound() => Make("frozen", Video("smptebars=size=320x180:rate=25", 16), Audio("sine=frequency=440:sample_rate=48000", 16));

    /// <summary>
    /// A seated host in front of a static backdrop: colour bars with a small moving patch (head and hands), and speech-like
    /// bursts of tone (0.6 s on, 0.4 s off).
    /// </summary>
    public static Task<string> StaticSceneWithTalkingHost() => Make(
        "host",
        ["-f", "lavfi", "-i", "smptebars=size=320x180:rate=25:duration=16", "-f", "lavfi", "-i", "testsrc2=size=48x48:rate=25:duration=16"],
        Audio("aevalsrc=0.3*sin(2*PI*220*t)*lt(mod(t\\,1)\\,0.6):s=48000", 16),
        ["-filter_complex", "[0:v][1:v]overlay=x='120+30*sin(t*3)':y='60+10*cos(t*2)'[v]", "-map", "[v]", "-map", "2:a"]);

    /// <summary>Black picture with a tone, 12 s.</summary>
    public static Task<string> BlackWithSound() => Make("black", Video("color=c=black:size=320x180:rate=25", 12), Audio("sine=frequency=440:sample_rate=48000", 12));

    /// <summary>A 1 kHz mono sine at -23 LUFS (peak 0.1001: -0.691 + 10 log10(A²/2) + 0.691 = -23), 10 s.</summary>
    public static Task<string> Sine23Lufs() => Make("lufs23", Video("testsrc2=size=320x180:rate=25", 10), Audio("aevalsrc=0.1001*sin(2*PI*1000*t):s=48000", 10));

    /// <summary>A full-scale 250 Hz square wave, 8 s.</summary>
    public static Task<string> FullScaleSquare() => Make("square", Video("testsrc2=size=320x180:rate=25", 8), Audio("aevalsrc=if(lt(mod(t*250\\,1)\\,0.5)\\,1\\,-1):s=48000", 8));

    /// <summary>Audio only (no video track), 10 s.</summary>
    public static Task<string> NoVideo() => Make("novideo", [], Audio("sine=frequency=440:sample_rate=48000", 10), ["-map", "0:a"]);

    /// <summary>Video only (no audio track), 10 s.</summary>
    public static Task<string> NoAudio() => Make("noaudio", Video("testsrc2=size=320x180:rate=25", 10), [], ["-map", "0:v"]);

    /// <summary>
    /// Variable frame rate: 30 fps with frames 10–14 of every second left out (25 frames a second, in bursts), 10 s.
    /// </summary>
    public static Task<string> VariableFrameRate() => Make(
        "vfr",
        Video("testsrc2=size=320x180:rate=30", 10),
        Audio("sine=frequency=440:sample_rate=48000", 10),
        ["-vf", "select='not(between(mod(n\\,30)\\,10\\,14))'", "-fps_mode", "vfr"]);

    /// <summary>200 KiB of random bytes named like a stream.</summary>
    public static Task<string> Garbage() => Made.GetOrAdd("garbage", _ => new Lazy<Task<string>>(() =>
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, "garbage.ts");
        var bytes = new byte[200 * 1024];
        new Random(4).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return Task.FromResult(path);
    })).Value;

    private static string[] Video(string lavfi, int seconds) =>
        ["-f", "lavfi", "-i", lavfi + ":duration=" + seconds.ToString(CultureInfo.InvariantCulture)];

    private static string[] Audio(string lavfi, int seconds) =>
        ["-f", "lavfi", "-i", lavfi + (lavfi.StartsWith("aevalsrc", StringComparison.Ordinal) ? ":d=" : ":duration=") + seconds.ToString(CultureInfo.InvariantCulture)];

    private static Task<string> Make(string name, string[] video, string[] audio, string[]? extra = null) =>
        Made.GetOrAdd(name, _ => new Lazy<Task<string>>(() => MakeAsync(name, video, audio, extra ?? []))).Value;

    private static async Task<string> MakeAsync(string name, string[] video, string[] audio, string[] extra)
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, name + ".ts");
        var keyframes = extra.Contains("-g") ? [] : new[] { "-g", "12" };
        string[] args =
        [
            "-hide_banner", "-nostdin", "-v", "error", "-y",
            .. video, .. audio, .. extra,
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", .. keyframes,
            "-c:a", "aac", "-b:a", "128k", "-ac", "1",
            "-f", "mpegts", path,
        ];
        (await ProcessRunner.RunAsync("ffmpeg", args, TimeSpan.FromMinutes(3), CancellationToken.None)).EnsureSuccess();
        return path;
    }
}
