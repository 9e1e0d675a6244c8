namespace LiveRoom.Ingest.Acking;

/// <summary>One edge's outbox: acknowledgements are kept per (site, room, edge).</summary>
public readonly record struct EdgeKey(string Site, string Room, string Edge);
