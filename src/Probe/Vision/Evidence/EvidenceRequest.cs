namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>A copied frame waiting to be encoded: why it was taken and, for a reference candidate, its capture id.</summary>
internal sealed record EvidenceRequest(byte[] Yuv, int Width, int Height, DateTimeOffset Timestamp, string Reason, string? Capture);
