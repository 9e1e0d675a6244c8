namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// A service others must know is there says so, retained under its MQTT client id: a dashboard on
/// <see cref="Topics.Topic.DashboardInstance"/> (the watchdog reads it), the watchdog on
/// <see cref="Topics.Topic.WatchdogInstance"/> (the active collector reads it). <c>{"state":"online"|"stopped"|"dead","instance":…,"ts":…}</c>:
/// <c>online</c> after every connect, <c>stopped</c> on a clean stop, <c>dead</c> as its session's last will (the
/// process died, or its link to the broker did). Decision 0026.
/// </summary>
/// <param name="State">One of <see cref="Online"/>, <see cref="Stopped"/>, <see cref="Dead"/>.</param>
/// <param name="Instance">The service's MQTT client id.</param>
/// <param name="Ts">The sender's clock, UTC Unix milliseconds (0 in a will).</param>
public sealed record ServicePresence(string State, string Instance, long Ts)
{
    public const string Online = "online";
    public const string Stopped = "stopped";
    public const string Dead = "dead";

    private static readonly string[] States = [Online, Stopped, Dead];

    public byte[] ToJson() => PresenceJson.Write("state", State, Instance, Ts);

    /// <summary>The presence on <paramref name="topic"/> under <paramref name="prefix"/>, or null with the reason (not JSON, an unknown state, another instance than the topic names).</summary>
    public static ServicePresence? Parse(string prefix, string topic, ReadOnlySpan<byte> payload, out string reason) =>
        PresenceJson.TryRead(topic, prefix, payload, "state", States, out var p, out reason) ? new ServicePresence(p.Value, p.Instance, p.Ts) : null;
}
