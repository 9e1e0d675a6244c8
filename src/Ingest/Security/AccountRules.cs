namespace LiveRoom.Ingest.Security;

/// <summary>
/// The grants of each account, in the order they are written, so that the acl_file and dynamic-security.json
/// always say the same thing. Filters come from <see cref="RoomChannels"/>.
/// </summary>
internal static class AccountRules
{
    public static IReadOnlyList<TopicGrant> For(BrokerUser user) => user.Kind switch
    {
        BrokerUserKind.Edge =>
        [
            .. RoomChannels.Write.Select(c => TopicGrant.WriteOnly(InRoom(user, c))),
            .. RoomChannels.Read.Select(c => TopicGrant.ReadOnly(InRoom(user, c))),
        ],
        BrokerUserKind.Collector =>
        [
            new TopicGrant(RoomChannels.CollectorReadWrite, Read: true, Write: true),
            new TopicGrant(RoomChannels.CollectorSystem, Read: true, Write: true),
            TopicGrant.WriteOnly(RoomChannels.CollectorWriteOnly),
            TopicGrant.ReadOnly(RoomChannels.DashboardPresences),
        ],
        BrokerUserKind.Dashboard =>
        [
            TopicGrant.WriteOnly(RoomChannels.DashboardWrite),
            TopicGrant.WriteOnly(RoomChannels.DashboardPresences),
            .. RoomChannels.DashboardRead.Select(TopicGrant.ReadOnly),
        ],
        BrokerUserKind.Sign => [.. RoomChannels.SignRead.Select(c => TopicGrant.ReadOnly(InRoom(user, c)))],
        _ => throw new ArgumentOutOfRangeException(nameof(user), user.Kind, "unknown broker user kind"),
    };

    /// <summary>The dynamic-security role of <paramref name="user"/>: a fixed role each for the collector and the dashboard, one per room account (edge or sign).</summary>
    public static string RoleName(BrokerUser user) => user.Kind switch
    {
        BrokerUserKind.Collector => "collector",
        BrokerUserKind.Dashboard => "dashboard",
        _ => "room-" + user.UserName,
    };

    private static string InRoom(BrokerUser user, string channel)
    {
        var room = user.Room ?? throw new ArgumentException($"{user.Kind} user '{user.UserName}' has no room", nameof(user));
        return string.Concat(room.TopicPrefix, "/", channel);
    }
}
