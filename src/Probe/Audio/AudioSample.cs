namespace LiveRoom.Probe.Audio;

/// <summary>One second's audio measurement (EBU R128 / ITU-R BS.1770, see <see cref="Loudness.LoudnessMeter"/>).</summary>
public sealed record AudioSample
{
    /// <summary>Decoded audio arrived within the last seconds.</summary>
    public required bool Present { get; init; }

    /// <summary>Momentary loudness (400 ms), LUFS.</summary>
    public double? MomentaryLufs { get; init; }

    /// <summary>Short-term loudness (3 s), LUFS.</summary>
    public double? ShortTermLufs { get; init; }

    /// <summary>Highest true peak since the reader started, dBTP.</summary>
    public double? TruePeakDbtp { get; init; }

    /// <summary>Highest true peak within the last sample interval (of the 100 ms frames measured in it), dBTP.</summary>
    public double? IntervalTruePeakDbtp { get; init; }

    /// <summary>Highest sample peak within the last sample interval, dBFS.</summary>
    public double? PeakDbfs { get; init; }

    /// <summary>Seconds the momentary loudness has stayed below the silence floor (0 when it is not).</summary>
    public double SilentSeconds { get; init; }

    /// <summary>Samples reached full scale within the last sample interval.</summary>
    public bool Clipping { get; init; }
}
