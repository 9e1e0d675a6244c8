using LiveRoom.Contracts.Topics;

namespace LiveRoom.Ingest.Presences;

/// <summary>A kind of service that announces itself retained on the broker (decisions 0022, 0026).</summary>
/// <param name="Name">The command line's word for it.</param>
/// <param name="Prefix">The topic prefix its presences live under.</param>
/// <param name="AliveStates">The states of one that runs: clearing it would be undone at its next connect.</param>
internal sealed record PresenceKind(string Name, string Prefix, string[] AliveStates)
{
    public static readonly PresenceKind Collector = new("collector", Topic.CollectorInstancePrefix, ["standby", "active"]);
    public static readonly PresenceKind Dashboard = new("dashboard", Topic.DashboardInstancePrefix, ["online"]);
    public static readonly PresenceKind Watchdog = new("watchdog", Topic.WatchdogInstancePrefix, ["online"]);

    public static readonly PresenceKind[] All = [Collector, Dashboard, Watchdog];

    public static PresenceKind? Named(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The kind whose presences <paramref name="topic"/> is one of, or null.</summary>
    public static PresenceKind? Of(string topic) => All.FirstOrDefault(k => topic.StartsWith(k.Prefix, StringComparison.Ordinal) && topic.Length > k.Prefix.Length);
}
