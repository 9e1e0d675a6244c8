namespace LiveRoom.Probe.Obs;

/// <summary>GetStats responseData. <c>outputSkippedFrames</c> here are frames skipped by encoder lag, not by the network.</summary>
internal sealed record ObsStats(
    double CpuUsage, double MemoryUsageMb, double AvailableDiskSpaceMb, double ActiveFps, double AverageFrameRenderMs,
    long RenderSkippedFrames, long RenderTotalFrames, long OutputSkippedFrames, long OutputTotalFrames);
