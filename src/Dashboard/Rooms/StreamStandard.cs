namespace LiveRoom.Dashboard.Rooms;

/// <summary>The stream quality the standard asks for: 1080p at 30 fps or better (seed clause 6.2.2.1).</summary>
public static class StreamStandard
{
    public const int MinWidth = 1920;
    public const int MinHeight = 1080;

    /// <summary>NTSC "30 fps" is 30000/1001 = 29.97 and counts as 30 (seed clause 6.2.2.1).</summary>
    public const double NtscThirty = 30000.0 / 1001.0;

    /// <summary>
    /// Allowance for measuring the rate from timestamps over a short window (a frame more or less in the
    /// window moves the figure by a few hundredths): 0.05 fps.
    /// </summary>
    public const double FpsTolerance = 0.05;

    /// <summary>The lowest measured frame rate that passes: 29.92 fps.</summary>
    public const double MinFps = NtscThirty - FpsTolerance;

    public static bool MeetsResolution(double? width, double? height) =>
        width >= MinWidth && height >= MinHeight;

    public static bool MeetsFrameRate(double? fps) => fps >= MinFps;
}
