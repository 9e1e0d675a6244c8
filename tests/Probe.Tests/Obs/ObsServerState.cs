using System.Text.Json;

namespace LiveRoom.Probe.Tests.Obs;

/// <summary>
/// The numbers the test OBS reports. Counters are cumulative, as in OBS. <see cref="Step"/> moves them on by one
/// second of a realistic 1080p30 stream at 4.5 Mbit/s; with <see cref="StepOnStreamStatus"/> each GetStreamStatus does so.
/// </summary>
internal sealed class ObsServerState
{
    private readonly Lock _gate = new();

    public bool StepOnStreamStatus { get; set; }

    public bool Active { get; set; } = true;

    public bool Reconnecting { get; set; }

    public double Congestion { get; set; }

    public long Bytes { get; set; }

    public long NetworkSkipped { get; set; }

    public long NetworkTotal { get; set; }

    public double DurationMs { get; set; }

    public long EncoderSkipped { get; set; }

    public long EncoderTotal { get; set; }

    public long RenderSkipped { get; set; }

    public long RenderTotal { get; set; }

    public double Cpu { get; set; } = 7.25;

    public double MemoryMb { get; set; } = 612.4;

    public double DiskMb { get; set; } = 204800.5;

    public double ActiveFps { get; set; } = 30.000000300000003;

    public int OutputWidth { get; set; } = 1920;

    public int OutputHeight { get; set; } = 1080;

    public long FpsNumerator { get; set; } = 30;

    public long FpsDenominator { get; set; } = 1;

    /// <summary>Frames the network drops per <see cref="Step"/>.</summary>
    public int NetworkDropsPerStep { get; set; }

    public void Step()
    {
        lock (_gate)
        {
            Bytes += 4_500_000 / 8;
            NetworkTotal += 30;
            NetworkSkipped += NetworkDropsPerStep;
            EncoderTotal += 30;
            RenderTotal += 30;
            DurationMs += 1000;
            Cpu = Cpu > 9 ? 6.5 : Cpu + 0.75;
        }
    }

    public void Update(Action<ObsServerState> change)
    {
        lock (_gate)
        {
            change(this);
        }
    }

    public void WriteStreamStatus(Utf8JsonWriter w)
    {
        lock (_gate)
        {
            if (StepOnStreamStatus)
            {
                Step();
            }

            w.WriteBoolean("outputActive", Active);
            w.WriteBoolean("outputReconnecting", Reconnecting);
            w.WriteString("outputTimecode", TimeSpan.FromMilliseconds(DurationMs).ToString(@"hh\:mm\:ss\.fff", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("outputDuration", DurationMs);
            w.WriteNumber("outputCongestion", Congestion);
            w.WriteNumber("outputBytes", Bytes);
            w.WriteNumber("outputSkippedFrames", NetworkSkipped);
            w.WriteNumber("outputTotalFrames", NetworkTotal);
        }
    }

    public void WriteStats(Utf8JsonWriter w)
    {
        lock (_gate)
        {
            w.WriteNumber("cpuUsage", Cpu);
            w.WriteNumber("memoryUsage", MemoryMb);
            w.WriteNumber("availableDiskSpace", DiskMb);
            w.WriteNumber("activeFps", ActiveFps);
            w.WriteNumber("averageFrameRenderTime", 1.734);
            w.WriteNumber("renderSkippedFrames", RenderSkipped);
            w.WriteNumber("renderTotalFrames", RenderTotal);
            w.WriteNumber("outputSkippedFrames", EncoderSkipped);
            w.WriteNumber("outputTotalFrames", EncoderTotal);
            w.WriteNumber("webSocketSessionIncomingMessages", 12);
            w.WriteNumber("webSocketSessionOutgoingMessages", 13);
        }
    }

    public void WriteVideoSettings(Utf8JsonWriter w)
    {
        lock (_gate)
        {
            w.WriteNumber("fpsNumerator", FpsNumerator);
            w.WriteNumber("fpsDenominator", FpsDenominator);
            w.WriteNumber("baseWidth", 1920);
            w.WriteNumber("baseHeight", 1080);
            w.WriteNumber("outputWidth", OutputWidth);
            w.WriteNumber("outputHeight", OutputHeight);
        }
    }
}
