namespace LiveRoom.Probe.Obs;

/// <summary>GetStreamStatus responseData (the stream output, as delivered).</summary>
internal sealed record ObsStreamStatus(bool Active, bool Reconnecting, double Congestion, long Bytes, long SkippedFrames, long TotalFrames, double DurationMs);
