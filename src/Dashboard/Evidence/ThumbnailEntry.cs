namespace LiveRoom.Dashboard.Evidence;

/// <summary>One stored thumbnail as the API lists it; <see cref="Url"/> fetches the JPEG.</summary>
public sealed record ThumbnailEntry(DateTimeOffset Time, long Ts, string Reason, string? Capture, long Bytes, string Name, string Url);
