using LiveRoom.Contracts.Topics;

namespace LiveRoom.Ingest.Security;

/// <summary>What a room's edge may do under its own prefix (issue 3 item 6); everything else is denied.</summary>
internal static class RoomChannels
{
    /// <summary>Filters (relative to the room prefix) the edge may publish to.</summary>
    public static readonly string[] Write =
    [
        TopicChannel.Metrics + "/#",
        TopicChannel.Events,
        TopicChannel.Checklist,
        TopicChannel.Status,
        TopicChannel.State,
        TopicChannel.Display,
        TopicChannel.Thumbnail,
    ];

    /// <summary>Filters (relative to the room prefix) the edge may subscribe to and receive.</summary>
    public static readonly string[] Read =
    [
        TopicChannel.Command + "/#",
        TopicChannel.Ack,
    ];

    /// <summary>What the collector reads and writes: every room.</summary>
    public const string CollectorReadWrite = Topic.Root + "/#";

    /// <summary>Where the collector alone writes system topics (dead letters).</summary>
    public const string CollectorWriteOnly = "liveroom-sys/#";
}
