namespace LiveRoom.Probe.Stream;

/// <summary>One packet line of ffmpeg's framecrc output (timestamps in the stream's time base).</summary>
internal readonly record struct FramecrcPacket(int StreamIndex, long Dts, long Pts, long Duration, int Size, bool Key)
{
    /// <summary>ffmpeg's AV_NOPTS_VALUE: no timestamp.</summary>
    public const long NoTimestamp = long.MinValue;
}
