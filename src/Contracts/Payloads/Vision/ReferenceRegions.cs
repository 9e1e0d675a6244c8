using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Vision;

/// <summary>The four regions a technician marks on a reference frame, normalized 0..1 from the top-left corner.</summary>
public sealed record ReferenceRegions
{
    /// <summary>Region names in the order the editor offers them.</summary>
    public static readonly IReadOnlyList<string> Names = ["backdrop", "desk", "seat", "background"];

    /// <summary>The backdrop wall (seed clause 6.1.2: must stay wholly in frame).</summary>
    [JsonPropertyName("backdrop")]
    public RegionRect? Backdrop { get; init; }

    /// <summary>The host desk (seed clause 6.1.2).</summary>
    [JsonPropertyName("desk")]
    public RegionRect? Desk { get; init; }

    /// <summary>Where the host's face and torso are (seed clause 6.1.5).</summary>
    [JsonPropertyName("seat")]
    public RegionRect? Seat { get; init; }

    /// <summary>The rest of the space (colour cast, seat/background ratio).</summary>
    [JsonPropertyName("background")]
    public RegionRect? Background { get; init; }

    /// <summary>The regions by name (null where missing).</summary>
    public IEnumerable<(string Name, RegionRect? Rect)> All()
    {
        yield return ("backdrop", Backdrop);
        yield return ("desk", Desk);
        yield return ("seat", Seat);
        yield return ("background", Background);
    }

    /// <summary>
    /// Null when all four are present, finite, at least 1 % of the frame on each side, inside the frame, and no two are
    /// the same rectangle; else every problem, naming the region.
    /// </summary>
    public string? Validate()
    {
        var problems = new List<string>();
        var seen = new List<(string Name, RegionRect Rect)>();
        foreach (var (name, rect) in All())
        {
            if (rect is not { } r)
            {
                problems.Add($"region '{name}' is missing");
                continue;
            }

            if (!double.IsFinite(r.X) || !double.IsFinite(r.Y) || !double.IsFinite(r.W) || !double.IsFinite(r.H))
            {
                problems.Add($"region '{name}' has a non-numeric coordinate");
                continue;
            }

            if (r.W < MinSide || r.H < MinSide)
            {
                problems.Add(FormattableString.Invariant($"region '{name}' is empty or too small ({r.W:0.###} x {r.H:0.###}; each side at least {MinSide})"));
                continue;
            }

            if (r.X < 0 || r.Y < 0 || r.X + r.W > 1 + Slack || r.Y + r.H > 1 + Slack)
            {
                problems.Add(FormattableString.Invariant($"region '{name}' ({r.X:0.###}, {r.Y:0.###}, {r.W:0.###} x {r.H:0.###}) lies outside the frame (0..1)"));
                continue;
            }

            foreach (var (other, o) in seen)
            {
                if (Math.Abs(o.X - r.X) < Same && Math.Abs(o.Y - r.Y) < Same && Math.Abs(o.W - r.W) < Same && Math.Abs(o.H - r.H) < Same)
                {
                    problems.Add($"regions '{other}' and '{name}' are the same rectangle: mark each on its own part of the picture");
                }
            }

            seen.Add((name, r));
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private const double MinSide = 0.01;
    private const double Slack = 1e-6;
    private const double Same = 0.005;
}
