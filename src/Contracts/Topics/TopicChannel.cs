namespace LiveRoom.Contracts.Topics;

/// <summary>The first level after <c>{site}/{room}</c>.</summary>
public static class TopicChannel
{
    public const string Metrics = "metrics";
    public const string Events = "events";
    public const string Checklist = "checklist";
    public const string Status = "status";
    public const string State = "state";
    public const string Display = "display";
    public const string Ack = "ack";
    public const string Command = "cmd";

    /// <summary>Evidence JPEGs from the edge (vision, issue 5 item 5): QoS 1, not retained.</summary>
    public const string Thumbnail = "thumbnail";
}
