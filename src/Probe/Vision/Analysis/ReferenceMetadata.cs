namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>The JSON half of a stored reference.</summary>
internal sealed record ReferenceMetadata(int Width, int Height, RoomLayout Layout, int Version, string? CapturedBy, DateTimeOffset CapturedAt);
