using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Sinks;

namespace LiveRoom.Probe.Obs;

/// <summary>Field names and event types of the OBS collector, and the <c>obs</c> point builder.</summary>
public static class ObsPoints
{
    public const string Connected = "connected";
    public const string StreamActive = "stream_active";
    public const string StreamReconnecting = "stream_reconnecting";
    public const string Congestion = "congestion";
    public const string OutputBytes = "output_bytes";
    public const string Bitrate = "bitrate_bps";
    public const string StreamDuration = "stream_duration_s";

    /// <summary>Frames dropped by the network (GetStreamStatus outputSkippedFrames); <c>_delta</c> suffix: in the last interval.</summary>
    public const string NetworkSkipped = "network_skipped_frames";
    public const string NetworkTotal = "network_total_frames";
    public const string NetworkDroppedPercent = "network_dropped_pct";

    /// <summary>Frames skipped by encoder lag (GetStats outputSkippedFrames).</summary>
    public const string EncoderSkipped = "encoder_skipped_frames";
    public const string EncoderTotal = "encoder_total_frames";

    /// <summary>Frames skipped by rendering lag (GetStats renderSkippedFrames).</summary>
    public const string RenderSkipped = "render_skipped_frames";
    public const string RenderTotal = "render_total_frames";

    public const string DeltaSuffix = "_delta";
    public const string CpuPercent = "cpu_pct";
    public const string MemoryMb = "memory_mb";
    public const string DiskAvailableMb = "disk_available_mb";
    public const string ActiveFps = "active_fps";
    public const string FrameRenderMs = "frame_render_ms";
    public const string OutputWidth = "output_width";
    public const string OutputHeight = "output_height";
    public const string BaseWidth = "base_width";
    public const string BaseHeight = "base_height";
    public const string Fps = "fps";

    public const string EventConnected = "obs_connected";
    public const string EventDisconnected = "obs_disconnected";
    public const string EventAuthFailed = "obs_auth_failed";
    public const string EventSessionInvalidated = "obs_session_invalidated";
    public const string EventStreamActive = "obs_stream_active";
    public const string EventStreamInactive = "obs_stream_inactive";
    public const string EventReconnecting = "obs_reconnecting";
    public const string EventReconnected = "obs_reconnected";
    public const string EventNetworkDrops = "obs_network_drops";
    public const string EventNetworkDropsCleared = "obs_network_drops_cleared";
    public const string EventRequestFailed = "obs_request_failed";

    /// <summary>The point of a poll that did not reach OBS.</summary>
    internal static MetricPoint NotConnected(long ts) =>
        SinkPoints.Measurement(ObsDefaults.Kind, ts, new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [Connected] = false });

    internal static MetricPoint Measurement(ObsReading r, long ts)
    {
        var f = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [Connected] = true };
        if (r.Stream is { } s)
        {
            f[StreamActive] = s.Active;
            f[StreamReconnecting] = s.Reconnecting;
            SinkPoints.AddNumber(f, Congestion, Math.Round(s.Congestion, 4));
            f[OutputBytes] = (double)s.Bytes;
            SinkPoints.AddNumber(f, Bitrate, r.BitsPerSecond is { } b ? Math.Round(b) : null);
            SinkPoints.AddNumber(f, StreamDuration, Math.Round(s.DurationMs / 1000.0, 3));
            Counter(f, NetworkSkipped, r.NetworkSkipped);
            Counter(f, NetworkTotal, r.NetworkTotal);
            SinkPoints.AddNumber(f, NetworkDroppedPercent, r.NetworkDroppedPercent is { } p ? Math.Round(p, 3) : null);
        }

        if (r.Stats is { } st)
        {
            Counter(f, EncoderSkipped, r.EncoderSkipped);
            Counter(f, EncoderTotal, r.EncoderTotal);
            Counter(f, RenderSkipped, r.RenderSkipped);
            Counter(f, RenderTotal, r.RenderTotal);
            SinkPoints.AddNumber(f, CpuPercent, Math.Round(st.CpuUsage, 2));
            SinkPoints.AddNumber(f, MemoryMb, Math.Round(st.MemoryUsageMb, 1));
            SinkPoints.AddNumber(f, DiskAvailableMb, Math.Round(st.AvailableDiskSpaceMb, 1));
            SinkPoints.AddNumber(f, ActiveFps, Math.Round(st.ActiveFps, 3));
            SinkPoints.AddNumber(f, FrameRenderMs, Math.Round(st.AverageFrameRenderMs, 3));
        }

        if (r.Video is { } v)
        {
            f[OutputWidth] = v.OutputWidth;
            f[OutputHeight] = v.OutputHeight;
            f[BaseWidth] = v.BaseWidth;
            f[BaseHeight] = v.BaseHeight;
            SinkPoints.AddNumber(f, Fps, v.Fps is { } fps ? Math.Round(fps, 3) : null);
        }

        return SinkPoints.Measurement(ObsDefaults.Kind, ts, f);
    }

    private static void Counter(Dictionary<string, FieldValue> f, string name, ObsCounter? counter)
    {
        if (counter is { } c)
        {
            f[name] = (double)c.Total;
            if (c.Delta is { } d)
            {
                f[name + DeltaSuffix] = (double)d;
            }
        }
    }
}
