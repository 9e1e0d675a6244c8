namespace LiveRoom.Contracts.Payloads.Vision;

/// <summary>Why an evidence thumbnail was taken, besides the event types that also trigger one.</summary>
public static class ThumbnailReasons
{
    /// <summary>The regular one, every <c>Probe:Vision:ThumbnailInterval</c>.</summary>
    public const string Interval = "interval";

    /// <summary>A frame captured for the technician to mark regions on (issue 5 item 2).</summary>
    public const string ReferenceCandidate = "reference-candidate";
}
