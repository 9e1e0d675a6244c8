using LiveRoom.Probe.Audio;
using LiveRoom.Probe.Picture;
using LiveRoom.Probe.Stream;

namespace LiveRoom.Probe.Detection;

/// <summary>Everything measured about a room's stream at one sampling step, and the conditions found.</summary>
public sealed record RoomSample
{
    public required StreamSample Stream { get; init; }

    public required AudioSample Audio { get; init; }

    public required PictureSample Picture { get; init; }

    /// <summary>Conditions evaluated at this step (empty while the stream is down).</summary>
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    public bool IsActive(string type) => Conditions.Any(c => c.Active && string.Equals(c.Type, type, StringComparison.Ordinal));
}
