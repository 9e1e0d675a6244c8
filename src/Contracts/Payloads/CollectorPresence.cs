namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// Each collector of a primary/standby group says what it is, retained on
/// <see cref="Topics.Topic.CollectorInstance"/>: <c>{"role":"standby"|"active","instance":…,"ts":…}</c> through its lease
/// session, <c>"dead"</c> as that session's last will and <c>"stopped"</c> on a clean stop. The heartbeat says who is
/// active; this says who else is there to take over. Written only by the collector; read by the dashboard.
/// </summary>
/// <param name="Role">One of <see cref="Standby"/>, <see cref="Active"/>, <see cref="Dead"/>, <see cref="Stopped"/>.</param>
/// <param name="Instance">The collector's instance name.</param>
/// <param name="Ts">The sender's clock, UTC Unix milliseconds (0 in a will).</param>
public sealed record CollectorPresence(string Role, string Instance, long Ts)
{
    public const string Standby = "standby";
    public const string Active = "active";
    public const string Dead = "dead";
    public const string Stopped = "stopped";

    private static readonly string[] Roles = [Standby, Active, Dead, Stopped];

    public byte[] ToJson() => PresenceJson.Write("role", Role, Instance, Ts);

    /// <summary>The presence on <paramref name="topic"/>, or null with the reason (not JSON, an unknown role, another instance than the topic names).</summary>
    public static CollectorPresence? Parse(string topic, ReadOnlySpan<byte> payload, out string reason) =>
        PresenceJson.TryRead(topic, Topics.Topic.CollectorInstancePrefix, payload, "role", Roles, out var p, out reason) ? new CollectorPresence(p.Value, p.Instance, p.Ts) : null;
}
