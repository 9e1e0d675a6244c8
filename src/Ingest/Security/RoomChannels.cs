using LiveRoom.Contracts.Topics;

namespace LiveRoom.Ingest.Security;

/// <summary>What each kind of account may do (issue 3 item 6); everything else is denied.</summary>
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

    /// <summary>
    /// The collectors' own topics, which collectors also read: the heartbeat (standby collectors and the watchdog read it,
    /// decisions 0016 and 0022) and the replicated alert configuration.
    /// </summary>
    public const string CollectorSystem = "liveroom-sys/v1/collector/#";

    /// <summary>Where the collector alone writes system topics (dead letters).</summary>
    public const string CollectorWriteOnly = "liveroom-sys/#";

    /// <summary>
    /// What the dashboard publishes: every room's commands (<see cref="CommandName.Schedule"/> from
    /// <c>SchedulePublisher</c>, <see cref="CommandName.Checklist"/> from the lifecycle API,
    /// <see cref="CommandName.Reference"/> from the reference editor).
    /// </summary>
    public const string DashboardWrite = AnyRoom + TopicChannel.Command + "/#";

    /// <summary>
    /// Where the dashboard says whether it is there (<c>ServicePresence</c>: online, stopped, and dead as its last will;
    /// without this grant mosquitto 2.0 still accepts the connection but refuses the presence and never delivers the will);
    /// the collector account, which the watchdog uses, reads it.
    /// </summary>
    public const string DashboardPresences = Topic.DashboardInstances;

    /// <summary>
    /// What the dashboard subscribes to and receives: <c>EdgeLink</c>'s state and status, the collector's heartbeat and
    /// each collector's and watchdog's presence (the wall says when metrics are not being collected, no standby is ready,
    /// or no watchdog runs),
    /// <c>EvidenceLink</c>'s thumbnails.
    /// </summary>
    public static readonly string[] DashboardRead =
    [
        AnyRoom + TopicChannel.State,
        AnyRoom + TopicChannel.Status,
        Topic.AllThumbnails,
        Topic.CollectorHeartbeat,
        Topic.CollectorInstances,
        Topic.WatchdogInstances,
    ];

    /// <summary>
    /// Filters (relative to the room prefix) a door sign may subscribe to and receive; it publishes nothing.
    /// The firmware (hardware/firmware/src/main.cpp) and the ESPHome lamp read <c>display</c> and <c>status</c>
    /// (the edge's last will turns the lamp off); <c>state</c> is the room state the display is made from.
    /// </summary>
    public static readonly string[] SignRead =
    [
        TopicChannel.Display,
        TopicChannel.State,
        TopicChannel.Status,
    ];

    private const string AnyRoom = Topic.Root + "/+/+/";
}
