namespace LiveRoom.Probe.Vision;

/// <summary>
/// What the keyframe sampling can say about flicker (issue 5 item 4): the oscillation of the overall mean luma across
/// consecutive samples. The samples are keyframes, at most 2 a second and usually one per GOP (1–4 s), so mains
/// flicker (100/120 Hz from 50/60 Hz LED drivers) is far above their Nyquist limit and cannot be measured from them;
/// what shows is slow light pumping (a failing driver, an auto-exposure hunting) and flicker aliased down to a beat.
/// <see cref="SwingPercent"/> is the mean absolute step between consecutive samples relative to the mean level;
/// <see cref="Alternation"/> the share of steps that reverse direction (about 1 for a zig-zag beat, about 2/3 for
/// noise, 0 for a steady fade). No event is raised from it: it is a trend for the technician, not a verdict.
/// </summary>
public sealed class LumaOscillation(int window = VisionDefaults.FlickerWindow)
{
    private readonly double[] _values = new double[Math.Max(3, window)];
    private int _count;
    private int _next;

    /// <summary>Mean |Δ luma| between consecutive samples as % of the mean luma above black; null until 3 samples.</summary>
    public double? SwingPercent { get; private set; }

    /// <summary>Share (0..1) of consecutive steps that change direction; null until 3 samples.</summary>
    public double? Alternation { get; private set; }

    public void Add(double meanLuma)
    {
        if (!double.IsFinite(meanLuma))
        {
            return;
        }

        _values[_next] = meanLuma;
        _next = (_next + 1) % _values.Length;
        _count = Math.Min(_count + 1, _values.Length);
        if (_count < 3)
        {
            return;
        }

        var start = (_next - _count + _values.Length) % _values.Length;
        double sum = 0, level = 0, previousStep = 0;
        int reversals = 0, steps = 0;
        for (var i = 0; i < _count; i++)
        {
            var v = _values[(start + i) % _values.Length];
            level += v;
            if (i == 0)
            {
                continue;
            }

            var step = v - _values[(start + i - 1) % _values.Length];
            sum += Math.Abs(step);
            if (i >= 2 && step * previousStep < 0)
            {
                reversals++;
            }

            if (i >= 2)
            {
                steps++;
            }

            previousStep = step;
        }

        var above = Math.Max(1, (level / _count) - 16);
        SwingPercent = sum / (_count - 1) / above * 100;
        Alternation = steps == 0 ? 0 : (double)reversals / steps;
    }
}
