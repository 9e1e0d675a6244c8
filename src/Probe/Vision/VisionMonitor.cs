using LiveRoom.Probe.Outbox;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Frames;
using LiveRoom.Probe.Sinks;
using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Vision;

/// <summary>
/// Lighting and framing checks on the sampled frames (issue 5): every <see cref="VisionOptions.SampleEvery"/>th frame
/// appends one <c>vision</c> point (fields in <see cref="VisionFields"/>) and an <c>event</c> point for each condition
/// that started or recovered, after <see cref="VisionOptions.PersistSamples"/> consecutive samples.
/// </summary>
public sealed class VisionMonitor(IMetricSink sink, VisionOptions options, Reference? reference) : IFrameConsumer
{
    private readonly PersistentConditions _conditions = new(options.PersistSamples);
    private readonly List<Condition> _scratch = [];
    private readonly LumaOscillation _oscillation = new();
    private Reference? _reference = reference;
    private Reference? _replacement;
    private VisionAnalyzer? _analyzer;
    private long _frames;

    /// <summary>The last analysed result (for the check report and tests).</summary>
    public VisionResult? Last { get; private set; }

    /// <summary>Conditions active now.</summary>
    public IReadOnlyList<string> ActiveConditions => [.. _conditions.Active];

    /// <summary>
    /// Uses <paramref name="approved"/> from the next analysed frame on (issue 5 item 2: a reference approved from the
    /// dashboard takes effect without a restart). Thread-safe: called from the MQTT dispatcher.
    /// </summary>
    public void SetReference(Reference approved) => _replacement = approved;

    public void OnFrame(Frame frame)
    {
        if (_frames++ % Math.Max(1, options.SampleEvery) != 0)
        {
            return;
        }

        // The analyzer is sized to the frames; a size change (sampling reconfigured) refits the reference.
        if (Interlocked.Exchange(ref _replacement, null) is { } approved)
        {
            _reference = approved;
            _analyzer = null;
        }

        if (_analyzer is null || _analyzer.Width != frame.Width || _analyzer.Height != frame.Height)
        {
            _analyzer = new VisionAnalyzer(frame.Width, frame.Height, _reference);
        }

        var result = _analyzer.Analyze(frame.Y, frame.U, frame.V);
        Last = result;
        _oscillation.Add(result.Lighting.Overall.Mean);
        var ts = frame.Timestamp.ToUnixTimeMilliseconds();
        sink.Append(SinkPoints.Measurement(MetricKind.Vision, ts, Fields(result, _analyzer.Reference?.Version)));

        _scratch.Clear();
        VisionConditions.Evaluate(result, options, _scratch);
        var events = new List<MetricPoint>();
        foreach (var c in _scratch)
        {
            _conditions.Update(c, frame.Timestamp, events);
        }

        foreach (var point in events)
        {
            sink.Append(point);
        }
    }

    private Dictionary<string, FieldValue> Fields(in VisionResult r, int? version)
    {
        var l = r.Lighting;
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            [VisionFields.Commissioned] = r.Commissioned,
            [VisionFields.Blocked] = VisionConditions.IsBlocked(l.Overall, options),
        };
        Add(fields, VisionFields.LumaMean, l.Overall.Mean);
        Add(fields, VisionFields.LumaP2, l.Overall.P2);
        Add(fields, VisionFields.LumaP50, l.Overall.P50);
        Add(fields, VisionFields.LumaP98, l.Overall.P98);
        Add(fields, VisionFields.LumaStdDev, l.Overall.StdDev);
        Add(fields, VisionFields.ClippedPercent, l.Overall.ClippedPercent);
        Add(fields, VisionFields.CrushedPercent, l.Overall.CrushedPercent);
        Add(fields, VisionFields.Contrast, l.Overall.Contrast);
        if (_oscillation.SwingPercent is { } swing)
        {
            Add(fields, VisionFields.FlickerSwing, swing);
            Add(fields, VisionFields.FlickerAlternation, _oscillation.Alternation ?? 0);
        }

        if (!r.Commissioned || r.Framing is not { } f)
        {
            fields[VisionFields.ReferenceProblem] = Cut(r.ReferenceProblem ?? "not commissioned");
            return fields;
        }

        Add(fields, VisionFields.ReferenceVersion, version ?? 0);
        Add(fields, VisionFields.BackdropLumaMean, l.Backdrop.Mean);
        Add(fields, VisionFields.DeskLumaMean, l.Desk.Mean);
        Add(fields, VisionFields.SeatLumaMean, l.Seat.Mean);
        Add(fields, VisionFields.SeatLumaP50, l.Seat.P50);
        Add(fields, VisionFields.BackgroundLumaMean, l.Background.Mean);
        Add(fields, VisionFields.SeatRatio, l.SeatToBackgroundRatio);
        Add(fields, VisionFields.LightChangeStops, r.LightChangeStops);
        Add(fields, VisionFields.CastBlue, l.Cast.Blue);
        Add(fields, VisionFields.CastMagenta, l.Cast.Magenta);
        Add(fields, VisionFields.CastMagnitude, l.Cast.Magnitude);
        fields[VisionFields.CastText] = l.Cast.Describe();
        fields[VisionFields.FramingMatched] = f.Matched;
        Add(fields, VisionFields.ShiftX, f.ShiftXPercent);
        Add(fields, VisionFields.ShiftY, f.ShiftYPercent);
        Add(fields, VisionFields.Scale, f.Scale);
        Add(fields, VisionFields.Similarity, f.Similarity);
        Add(fields, VisionFields.BackdropCoverage, f.BackdropCoveragePercent);
        Add(fields, VisionFields.DeskCoverage, f.DeskCoveragePercent);
        Add(fields, VisionFields.Sharpness, f.Sharpness);
        Add(fields, VisionFields.SharpnessRatio, f.SharpnessRatio);
        return fields;
    }

    private static void Add(Dictionary<string, FieldValue> fields, string name, double value) =>
        SinkPoints.AddNumber(fields, name, Math.Round(value, 3));

    private static string Cut(string s) => s.Length > Limits.MaxStringFieldLength ? s[..Limits.MaxStringFieldLength] : s;
}
