namespace LiveRoom.Contracts.Payloads;

/// <summary>Field names of <see cref="MetricKind.Audio"/> points (seed clause 6.2.2.2; EBU R128 / ITU-R BS.1770).</summary>
public static class AudioFields
{
    /// <summary>Whether the stream carries decodable audio.</summary>
    public const string Present = "present";

    /// <summary>Momentary loudness (400 ms window), LUFS; the latest value of the second.</summary>
    public const string Momentary = "momentary_lufs";

    /// <summary>Short-term loudness (3 s window), LUFS.</summary>
    public const string ShortTerm = "short_term_lufs";

    /// <summary>Highest true peak since the reader started (as an R128 meter shows it), dBTP.</summary>
    public const string TruePeak = "true_peak_dbtp";

    /// <summary>Highest true peak within the last second (ITU-R BS.1770 4x oversampled), dBTP.</summary>
    public const string IntervalTruePeak = "interval_true_peak_dbtp";

    /// <summary>Highest sample peak within the last second, dBFS.</summary>
    public const string Peak = "peak_dbfs";

    /// <summary>Seconds the audio has been below the silence floor (0 when not silent).</summary>
    public const string SilentSeconds = "silent_s";

    /// <summary>Whether samples reached full scale within the last second.</summary>
    public const string Clipping = "clipping";
}
