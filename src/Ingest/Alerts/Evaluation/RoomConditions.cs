namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>Per-room evaluation state, one slot per rule of the compiled set; guarded by its own lock.</summary>
internal sealed class RoomConditions(string site, string room, int rules)
{
    public string Site { get; } = site;

    public string Room { get; } = room;

    public bool[] Active { get; } = new bool[rules];

    /// <summary>Receipt time of the last point of the rule's kind (data-gap rules), Unix ms; 0 when never seen.</summary>
    public long[] LastSeenMs { get; } = new long[rules];

    public bool StreamUp { get; set; }

    public bool StreamEverUp { get; set; }

    public DateTimeOffset StreamDownAt { get; set; }

    public bool? Online { get; set; }
}
