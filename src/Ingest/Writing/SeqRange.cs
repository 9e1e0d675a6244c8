using LiveRoom.Ingest.Acking;

namespace LiveRoom.Ingest.Writing;

/// <summary>Consecutive sequence numbers <c>From..To</c> (inclusive) of one edge carried by a write batch.</summary>
public readonly record struct SeqRange(EdgeKey Edge, long From, long To);
