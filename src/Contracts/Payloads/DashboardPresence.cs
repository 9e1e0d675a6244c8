namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// Each dashboard says whether it is there, retained on <see cref="Topics.Topic.DashboardInstance"/> (its MQTT client id):
/// <c>{"state":"online"|"stopped"|"dead","instance":…,"ts":…}</c>. <c>online</c> after every connect, <c>stopped</c> on a
/// clean stop, <c>dead</c> as its session's last will (the process died, or its link to the broker did). Without its
/// session the wall and the room pages are gone or blind and schedule changes no longer reach the edges, so the watchdog
/// reports a dead dashboard. Written only by the dashboard.
/// </summary>
/// <param name="State">One of <see cref="Online"/>, <see cref="Stopped"/>, <see cref="Dead"/>.</param>
/// <param name="Instance">The dashboard's MQTT client id.</param>
/// <param name="Ts">The sender's clock, UTC Unix milliseconds (0 in a will).</param>
public sealed record DashboardPresence(string State, string Instance, long Ts)
{
    public const string Online = "online";
    public const string Stopped = "stopped";
    public const string Dead = "dead";

    private static readonly string[] States = [Online, Stopped, Dead];

    public byte[] ToJson() => PresenceJson.Write("state", State, Instance, Ts);

    /// <summary>The presence on <paramref name="topic"/>, or null with the reason (not JSON, an unknown state, another instance than the topic names).</summary>
    public static DashboardPresence? Parse(string topic, ReadOnlySpan<byte> payload, out string reason) =>
        PresenceJson.TryRead(topic, Topics.Topic.DashboardInstancePrefix, payload, "state", States, out var p, out reason) ? new DashboardPresence(p.Value, p.Instance, p.Ts) : null;
}
