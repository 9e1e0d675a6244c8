namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>
/// Lighting and framing of frames of one size against an optional reference. No reference, or one that cannot be
/// fitted to the frames, reads "not commissioned": the framing checks never pass by default.
/// </summary>
public sealed class VisionAnalyzer
{
    private static readonly RoomLayout WholeFrame = new()
    {
        Backdrop = new NormRect(0, 0, 1, 1),
        Desk = new NormRect(0, 0, 1, 1),
        Seat = new NormRect(0, 0, 1, 1),
        Background = new NormRect(0, 0, 1, 1),
    };

    private readonly LightingAnalyzer _lighting = new();
    private readonly FramingAnalyzer? _framing;
    private readonly Reference? _reference;
    private readonly double _referenceMean;

    public VisionAnalyzer(int width, int height, Reference? reference)
    {
        (Width, Height) = (width, height);
        if (reference is null)
        {
            ReferenceProblem = "not commissioned: no reference frame";
            return;
        }

        if (width % 4 != 0 || height % 4 != 0 || width < 64 || height < 64)
        {
            ReferenceProblem = "not commissioned: frames of " + width + "x" + height + " are too small or not a multiple of 4";
            return;
        }

        if (reference.Layout.Validate() is { } bad)
        {
            ReferenceProblem = "not commissioned: " + bad;
            return;
        }

        _reference = reference.At(width, height, out var refusal);
        if (_reference is null)
        {
            ReferenceProblem = "not commissioned: " + refusal;
            return;
        }

        _framing = new FramingAnalyzer(_reference.Y, width, height, _reference.Layout);
        _referenceMean = _lighting.Analyze(_reference.Y, _reference.U, _reference.V, width, height, _reference.Layout).Overall.Mean;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Null when commissioned, else why not.</summary>
    public string? ReferenceProblem { get; }

    /// <summary>The reference in use (rescaled to the frames), if any.</summary>
    public Reference? Reference => _reference;

    public VisionResult Analyze(ReadOnlySpan<byte> y, ReadOnlySpan<byte> u, ReadOnlySpan<byte> v)
    {
        var layout = _reference?.Layout ?? WholeFrame;
        var lighting = _lighting.Analyze(y, u, v, Width, Height, layout);
        if (_framing is null)
        {
            return new VisionResult(false, ReferenceProblem, lighting, null, 0);
        }

        var stops = Math.Log2((Math.Max(0, lighting.Overall.Mean - VisionLevels.Black) + 1) / (Math.Max(0, _referenceMean - VisionLevels.Black) + 1));
        return new VisionResult(true, null, lighting, _framing.Analyze(y), double.IsFinite(stops) ? stops : 0);
    }
}
