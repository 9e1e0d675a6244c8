namespace LiveRoom.Contracts.Payloads;

/// <summary>Metric kinds: each is one InfluxDB measurement and one <c>metrics/{kind}</c> topic.</summary>
public static class MetricKind
{
    public const string Stream = "stream";
    public const string Audio = "audio";
    public const string Vision = "vision";
    public const string Network = "network";
    public const string Host = "host";
    public const string Event = "event";
    public const string Checklist = "checklist";

    /// <summary>
    /// The integer field every stored point carries: its edge's sequence number (written by the collector, reserved
    /// in payloads). The dashboard counts it to find minutes its rollup misses.
    /// </summary>
    public const string SequenceField = "seq";

    /// <summary>Field names of <see cref="Stream"/> (seed clause 6.2.2.1).</summary>
    public static class StreamFields
    {
        /// <summary>Decoded width in pixels.</summary>
        public const string Width = "width";

        /// <summary>Decoded height in pixels (1088 coded height counts as 1080).</summary>
        public const string Height = "height";

        /// <summary>Frame rate measured from timestamps over a sliding window, frames per second.</summary>
        public const string Fps = "fps";

        /// <summary>Total bitrate, bits per second.</summary>
        public const string Bitrate = "bitrate_bps";

        public const string VideoBitrate = "video_bitrate_bps";
        public const string AudioBitrate = "audio_bitrate_bps";

        /// <summary>Whether the stream is up.</summary>
        public const string Up = "up";

        public const string VideoCodec = "video_codec";
        public const string AudioCodec = "audio_codec";

        /// <summary>Codec profile as ffmpeg names it (e.g. <c>High</c>, <c>Main</c>, <c>LC</c> for the audio).</summary>
        public const string VideoProfile = "video_profile";

        /// <summary>Seconds between the last two keyframes.</summary>
        public const string KeyframeInterval = "keyframe_interval_s";

        /// <summary>Seconds the stream has been up (0 when down).</summary>
        public const string Uptime = "uptime_s";

        /// <summary>Video frames missing from the timestamps (late or dropped) within the measuring window.</summary>
        public const string DroppedFrames = "dropped_frames";

        /// <summary>Timestamp gaps (an interval over 1.5 nominal frame durations) within the measuring window.</summary>
        public const string TimestampGaps = "timestamp_gaps";

        /// <summary>
        /// Video frame intervals more than 10 % off the window's median interval (variable frame rate) within the
        /// measuring window.
        /// </summary>
        public const string IrregularIntervals = "irregular_intervals";
    }
}
