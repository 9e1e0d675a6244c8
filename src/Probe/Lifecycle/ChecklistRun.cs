using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// One checklist run as kept on disk (seed 8.4/9 records): every automatic item's latest result, every manual item
/// with who confirmed it and when, and each change in order. Written atomically after every change, so a restarted
/// edge resumes the same run. Times are UTC Unix milliseconds. Mutated only under the runner's lock.
/// </summary>
public sealed class ChecklistRun
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The show it prepares; empty for an on-demand run with no show.</summary>
    [JsonPropertyName("show")]
    public string ShowId { get; init; } = string.Empty;

    [JsonPropertyName("title")]
    public string Title { get; init; } = string.Empty;

    [JsonPropertyName("host")]
    public string Host { get; init; } = string.Empty;

    [JsonPropertyName("showStart")]
    public long? ShowStart { get; init; }

    [JsonPropertyName("showEnd")]
    public long? ShowEnd { get; init; }

    [JsonPropertyName("startedAt")]
    public required long StartedAt { get; init; }

    /// <summary><c>schedule</c> for an automatic run, else the user who asked.</summary>
    [JsonPropertyName("by")]
    public required string By { get; init; }

    /// <summary>running, ready, not-ready, aborted.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = ItemStatus.Running;

    [JsonPropertyName("items")]
    public List<ChecklistItemResult> Items { get; init; } = [];

    [JsonPropertyName("manual")]
    public List<ManualRecord> Manual { get; init; } = [];

    [JsonPropertyName("changes")]
    public List<ChecklistChange> Changes { get; init; } = [];

    /// <summary>Whether the T-10 verdict was published (never twice, even across restarts).</summary>
    [JsonPropertyName("deadlineReported")]
    public bool DeadlineReported { get; set; }

    [JsonPropertyName("readyAtDeadline")]
    public bool? ReadyAtDeadline { get; set; }

    [JsonPropertyName("closedAt")]
    public long? ClosedAt { get; set; }

    /// <summary>Why the run closed: live, show over, superseded, show removed, window over.</summary>
    [JsonPropertyName("closeReason")]
    public string? CloseReason { get; set; }

    [JsonIgnore]
    public bool Closed => ClosedAt is not null;

    [JsonIgnore]
    public DateTimeOffset? ShowStartTime => ShowStart is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null;

    [JsonIgnore]
    public DateTimeOffset? ShowEndTime => ShowEnd is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : null;

    public ChecklistItemResult? Item(string id) => Items.Find(i => i.Id == id);
}
