using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>The wire regions (<see cref="ReferenceRegions"/>) as the analysis's <see cref="RoomLayout"/>.</summary>
public static class RegionMapping
{
    /// <summary>The layout, or null with every problem of the regions named.</summary>
    public static RoomLayout? ToLayout(ReferenceRegions? regions, out string? problem)
    {
        problem = regions is null ? "regions are missing" : regions.Validate();
        if (problem is not null)
        {
            return null;
        }

        return new RoomLayout
        {
            Backdrop = Rect(regions!.Backdrop!),
            Desk = Rect(regions.Desk!),
            Seat = Rect(regions.Seat!),
            Background = Rect(regions.Background!),
        };
    }

    private static NormRect Rect(RegionRect r) => new(r.X, r.Y, Math.Min(r.W, 1 - r.X), Math.Min(r.H, 1 - r.Y));
}
