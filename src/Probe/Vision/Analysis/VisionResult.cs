namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>Lighting and framing of one frame. Without a usable reference, <see cref="Commissioned"/> is false, <see cref="Framing"/> is null and the lighting regions are the whole frame.</summary>
public readonly record struct VisionResult(
    bool Commissioned,
    string? ReferenceProblem,
    LightingResult Lighting,
    FramingResult? Framing,
    double LightChangeStops);
