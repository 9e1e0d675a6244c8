using LiveRoom.Probe.Audio.Loudness;

namespace LiveRoom.Probe.Audio;

/// <summary>
/// Turns the 100 ms loudness blocks of the room's audio (<see cref="AudioReader"/>) into one <see cref="AudioSample"/>
/// per sampling step: the latest momentary and short-term loudness, the highest true and sample peak within the step
/// and since the start, and how long the audio has stayed below the silence floor. Blocks arrive on the audio reader's
/// thread, samples are taken on the sampling timer: one lock guards both.
/// </summary>
internal sealed class AudioMeter(TimeProvider time, double silenceFloorLufs, double clipLevelDbfs, TimeSpan absentAfter)
{
    private readonly Lock _gate = new();
    private long? _lastBlockAt;
    private long? _silentSince;
    private double? _momentary;
    private double? _shortTerm;
    private double? _truePeak;
    private double? _intervalTruePeak;
    private double? _peak;

    public void Reset()
    {
        lock (_gate)
        {
            _lastBlockAt = null;
            _silentSince = null;
            _momentary = _shortTerm = _truePeak = _intervalTruePeak = _peak = null;
        }
    }

    /// <summary>One 100 ms block; a loudness not yet defined (NaN: its window has not filled since the start) keeps the last value.</summary>
    public void OnBlock(LoudnessBlock block)
    {
        lock (_gate)
        {
            _lastBlockAt = time.GetTimestamp();
            if (!double.IsNaN(block.MomentaryLufs))
            {
                SetMomentary(block.MomentaryLufs);
            }

            if (!double.IsNaN(block.ShortTermLufs))
            {
                _shortTerm = block.ShortTermLufs;
            }

            _intervalTruePeak = Max(_intervalTruePeak, block.TruePeakDbtp);
            _truePeak = Max(_truePeak, block.TruePeakDbtp);
            _peak = Max(_peak, block.SamplePeakDbfs);
        }
    }

    /// <summary>The measurement now; starts a new peak interval.</summary>
    public AudioSample Sample()
    {
        lock (_gate)
        {
            var present = _lastBlockAt is { } last && time.GetElapsedTime(last) <= absentAfter;
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

    private static double Max(double? a, double b) => a is { } v && !(b > v) ? v : b;

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
