namespace LiveRoom.Dashboard.Evidence;

/// <summary>The thumbnails of a room in a time range, oldest first.</summary>
public sealed record ThumbnailList(string Site, string Room, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ThumbnailEntry> Thumbnails);
