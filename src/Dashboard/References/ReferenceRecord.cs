using LiveRoom.Contracts.Payloads.Vision;

namespace LiveRoom.Dashboard.References;

/// <summary>One approved version of a room's reference: the candidate it was marked on, the regions, who and when.</summary>
public sealed record ReferenceRecord(string Site, string Room, int Version, string CaptureId, ReferenceRegions Regions, string By, DateTimeOffset At);
