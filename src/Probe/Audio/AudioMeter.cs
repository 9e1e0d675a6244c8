using System.Globalization;

namespace LiveRoom.Probe.Audio;

/// <summary>
/// Parses the reader's audio lines into <see cref="AudioSample"/>s: the <c>ebur128</c> frame log (loudness and the
/// true peak of every 100 ms frame, see <see cref="EbuR128FrameLog"/>) and metadata printed by <c>ametadata</c>
/// (<c>frame:N pts:… pts_time:…</c>, then <c>key=value</c> lines: the <c>astats</c> sample peak, and the
/// <c>lavfi.r128.*</c> keys when ebur128 prints metadata). Lines arrive on the reader's stderr thread, samples are
/// taken on the sampling timer: one lock guards both.
/// </summary>
internal sealed class AudioMeter(TimeProvider time, double silenceFloorLufs, double clipLevelDbfs, TimeSpan absentAfter)
{
    private const string Momentary = "lavfi.r128.M=";
    private const string ShortTerm = "lavfi.r128.S=";
    private const string TruePeak = "lavfi.r128.true_peak=";
    private const string PeakLevel = "lavfi.astats.Overall.Peak_level=";

    private readonly Lock _gate = new();
    private long? _lastFrameAt;
    private long? _silentSince;
    private double? _momentary;
    private double? _shortTerm;
    private double? _truePeak;
    private double? _intervalTruePeak;
    private double? _peak;

    /// <summary>Lines that looked like values but did not parse.</summary>
    public long BadLines { get; private set; }

    public void Reset()
    {
        lock (_gate)
        {
            _lastFrameAt = null;
            _silentSince = null;
            _momentary = _shortTerm = _truePeak = _intervalTruePeak = _peak = null;
        }
    }

    public void OnLine(string line)
    {
        lock (_gate)
        {
            if (line.StartsWith(EbuR128FrameLog.Start, StringComparison.Ordinal))
            {
                if (!EbuR128FrameLog.TryParse(line, out var frame))
                {
                    BadLines++;
                    return;
                }

                _lastFrameAt = time.GetTimestamp();
                SetMomentary(frame.Momentary);
                _shortTerm = frame.ShortTerm;
                _intervalTruePeak = _intervalTruePeak is { } tp ? Math.Max(tp, frame.FrameTruePeak) : frame.FrameTruePeak;
                _truePeak = frame.RunningTruePeak ?? Math.Max(_truePeak ?? double.NegativeInfinity, frame.FrameTruePeak);
            }
            else if (line.StartsWith("frame:", StringComparison.Ordinal))
            {
                _lastFrameAt = time.GetTimestamp();
            }
            else if (TryValue(line, Momentary, out var m))
            {
                SetMomentary(m);
            }
            else if (TryValue(line, ShortTerm, out var s))
            {
                _shortTerm = s;
            }
            else if (TryValue(line, TruePeak, out var tp))
            {
                // ebur128 gives the peak as a linear factor.
                _truePeak = tp > 0 ? 20 * Math.Log10(tp) : double.NegativeInfinity;
            }
            else if (TryValue(line, PeakLevel, out var p))
            {
                _peak = _peak is { } old ? Math.Max(old, p) : p;
            }
        }
    }

    /// <summary>The measurement now; starts a new peak interval.</summary>
    public AudioSample Sample()
    {
        lock (_gate)
        {
            var present = _lastFrameAt is { } last && time.GetElapsedTime(last) <= absentAfter;
            if (!present)
            {
                return new AudioSample { Present = false };
            }

            var peak = _peak;
            var intervalTruePeak = _intervalTruePeak;
            _peak = null;
            _intervalTruePeak = null;
            return new AudioSample
            {
                Present = true,
                MomentaryLufs = Finite(_momentary),
                ShortTermLufs = Finite(_shortTerm),
                TruePeakDbtp = Finite(_truePeak),
                IntervalTruePeakDbtp = Finite(intervalTruePeak),
                PeakDbfs = Finite(peak),
                SilentSeconds = _silentSince is { } since ? time.GetElapsedTime(since).TotalSeconds : 0,
                Clipping = peak >= clipLevelDbfs,
            };
        }
    }

    /// <summary>Under the lock.</summary>
    private void SetMomentary(double lufs)
    {
        _momentary = lufs;
        if (lufs < silenceFloorLufs)
        {
            _silentSince ??= time.GetTimestamp();
        }
        else
        {
            _silentSince = null;
        }
    }

    private bool TryValue(string line, string key, out double value)
    {
        value = 0;
        if (!line.StartsWith(key, StringComparison.Ordinal))
        {
            return false;
        }

        // Digital silence: ebur128 prints "nan" (log of zero energy) and astats "-inf"; both mean no signal at all.
        var text = line.AsSpan(key.Length).Trim();
        if (text.Equals("-inf", StringComparison.OrdinalIgnoreCase) || text.Equals("nan", StringComparison.OrdinalIgnoreCase) || text.Equals("-nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NegativeInfinity;
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            if (double.IsNaN(value))
            {
                value = double.NegativeInfinity;
            }

            return true;
        }

        BadLines++;
        return false;
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
