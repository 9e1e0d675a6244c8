namespace LiveRoom.Probe.Tests.Stream;

/// <summary>
/// ffmpeg framecrc output recorded from real streams (tests/Probe.Tests/TestData), made with ffmpeg 5.1:
/// <c>ffmpeg -f lavfi -i testsrc2=size=WxH:rate=R -f lavfi -i sine -t 5 -c:v libx264 -preset P -c:a aac -f mpegts X.ts</c>
/// then read as the probe reads: <c>ffmpeg -i X.ts -map 0:v? -map 0:a? -c copy -f framecrc -</c>.
/// </summary>
internal static class RecordedOutput
{
    /// <summary>1920x1080 at 30 fps, 5 s, ultrafast (no B-frames), -g 60, -b:v 4M, AAC 48 kHz mono 128k.</summary>
    public const string P1080At30 = "framecrc-1080p30.txt";

    /// <summary>As <see cref="P1080At30"/> at 30000/1001 fps.</summary>
    public const string P1080At2997 = "framecrc-1080p2997.txt";

    /// <summary>1280x720 at 25 fps, 4 s, veryfast with 2 B-frames (dts != pts, negative dts), -g 50, AAC 44.1 kHz.</summary>
    public const string P720At25BFrames = "framecrc-720p25-bframes.txt";

    public static string[] Lines(string name) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", name));
}
