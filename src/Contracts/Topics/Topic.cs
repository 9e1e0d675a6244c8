namespace LiveRoom.Contracts.Topics;

/// <summary>
/// Topic names under <c>liveroom/v1/{site}/{room}/...</c> (ARCHITECTURE.md, "Contracts").
/// Site and room are identifiers checked by <see cref="Identifier"/>, so a name can never
/// carry an MQTT wildcard or level separator.
/// </summary>
public static class Topic
{
    /// <summary>Root of every room topic; the version segment changes only with an incompatible schema.</summary>
    public const string Root = "liveroom/v1";

    /// <summary>What the collector subscribes to: every room of every site.</summary>
    public const string AllRooms = Root + "/+/+/#";

    /// <summary>Where the collector republishes rejected payloads, outside <see cref="AllRooms"/> so it never reads them back.</summary>
    public const string DeadLetterRoot = "liveroom-sys/v1/deadletter";

    /// <summary>
    /// The active collector's retained heartbeat (<see cref="Payloads.CollectorHeartbeat"/>), outside the room tree: read by
    /// the watchdog, standby collectors and the dashboard.
    /// </summary>
    public const string CollectorHeartbeat = "liveroom-sys/v1/collector/heartbeat";

    /// <summary>Prefix of each collector's retained presence in a primary/standby group (<see cref="Payloads.CollectorPresence"/>).</summary>
    public const string CollectorInstancePrefix = "liveroom-sys/v1/collector/instances/";

    /// <summary>Every collector's presence.</summary>
    public const string CollectorInstances = CollectorInstancePrefix + "+";

    /// <summary>Prefix of each dashboard's retained presence (<see cref="Payloads.ServicePresence"/>), read by the watchdog.</summary>
    public const string DashboardInstancePrefix = "liveroom-sys/v1/dashboard/instances/";

    /// <summary>Every dashboard's presence.</summary>
    public const string DashboardInstances = DashboardInstancePrefix + "+";

    /// <summary>
    /// Prefix of each watchdog's retained presence (<see cref="Payloads.ServicePresence"/>), read by the active collector.
    /// Under the collectors' own topics: the watchdog uses the collector's broker account.
    /// </summary>
    public const string WatchdogInstancePrefix = "liveroom-sys/v1/collector/watchdogs/";

    /// <summary>Every watchdog's presence.</summary>
    public const string WatchdogInstances = WatchdogInstancePrefix + "+";

    /// <summary>Topic-kind segment for a batch that mixes metric kinds (replay after an outage).</summary>
    public const string MixedKinds = "batch";

    /// <summary>What the dashboard subscribes to for evidence: every room's <c>thumbnail</c>.</summary>
    public const string AllThumbnails = Root + "/+/+/" + TopicChannel.Thumbnail;

    /// <summary>Where <paramref name="instance"/> (checked at the collector's start: letters, digits, '.', '_', '-') says what it is.</summary>
    public static string CollectorInstance(string instance) => Instance(CollectorInstancePrefix, "collector", instance);

    /// <summary>Where the dashboard whose MQTT client id is <paramref name="instance"/> says whether it is online.</summary>
    public static string DashboardInstance(string instance) => Instance(DashboardInstancePrefix, "dashboard", instance);

    /// <summary>Where the watchdog whose MQTT client id is <paramref name="instance"/> says whether it is online.</summary>
    public static string WatchdogInstance(string instance) => Instance(WatchdogInstancePrefix, "watchdog", instance);

    /// <summary>Whether <paramref name="instance"/> can be one topic level (no separator, no wildcard, not empty).</summary>
    public static bool IsTopicLevel(string? instance) => !string.IsNullOrEmpty(instance) && instance.AsSpan().IndexOfAny("/+#") < 0;

    public static string RoomPrefix(string site, string room)
    {
        Identifier.ThrowIfInvalid(site, nameof(site));
        Identifier.ThrowIfInvalid(room, nameof(room));
        return string.Concat(Root, "/", site, "/", room);
    }

    /// <summary><c>metrics/{kind}</c>: QoS 1, not retained. Use <see cref="MixedKinds"/> when the batch mixes kinds.</summary>
    public static string Metrics(string site, string room, string kind)
    {
        Identifier.ThrowIfInvalid(kind, nameof(kind));
        return string.Concat(RoomPrefix(site, room), "/", TopicChannel.Metrics, "/", kind);
    }

    public static string Events(string site, string room) => Channel(site, room, TopicChannel.Events);

    public static string Checklist(string site, string room) => Channel(site, room, TopicChannel.Checklist);

    /// <summary><c>status</c>: retained <c>online</c>/<c>offline</c>, also the edge's last will.</summary>
    public static string Status(string site, string room) => Channel(site, room, TopicChannel.Status);

    public static string State(string site, string room) => Channel(site, room, TopicChannel.State);

    public static string Display(string site, string room) => Channel(site, room, TopicChannel.Display);

    /// <summary><c>ack</c>: retained, published by the collector: highest contiguous sequence stored.</summary>
    public static string Ack(string site, string room) => Channel(site, room, TopicChannel.Ack);

    /// <summary><c>cmd/{name}</c>: central to edge (schedule, reference, run-checklist).</summary>
    public static string Command(string site, string room, string name)
    {
        Identifier.ThrowIfInvalid(name, nameof(name));
        return string.Concat(RoomPrefix(site, room), "/", TopicChannel.Command, "/", name);
    }

    /// <summary>Filter for every command of one room (what an edge subscribes to).</summary>
    public static string AllCommands(string site, string room) => Channel(site, room, TopicChannel.Command) + "/#";

    /// <summary><c>thumbnail</c>: an evidence JPEG of the room's picture (issue 5 item 5), QoS 1, not retained.</summary>
    public static string Thumbnail(string site, string room) => Channel(site, room, TopicChannel.Thumbnail);

    public static string DeadLetter(string reason) => string.Concat(DeadLetterRoot, "/", reason);

    private static string Channel(string site, string room, string channel) =>
        string.Concat(RoomPrefix(site, room), "/", channel);

    private static string Instance(string prefix, string what, string instance) =>
        IsTopicLevel(instance) ? prefix + instance : throw new ArgumentException($"{what} instance '{instance}' cannot be a topic level", nameof(instance));
}
