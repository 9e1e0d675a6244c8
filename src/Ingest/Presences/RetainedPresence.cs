using System.Globalization;
using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Ingest.Presences;

/// <summary>One retained presence as the broker holds it: what it says, or why it cannot be read.</summary>
/// <param name="Kind">Collector, dashboard or watchdog.</param>
/// <param name="Instance">The instance the topic names.</param>
/// <param name="State">What it says it is (<c>active</c>, <c>standby</c>, <c>online</c>, <c>stopped</c>, <c>dead</c>), or <c>unreadable</c>.</param>
/// <param name="Since">When it said so (its sender's clock), null in a last will or an unreadable message.</param>
/// <param name="Problem">Why the message could not be read; null when it could.</param>
internal sealed record RetainedPresence(PresenceKind Kind, string Instance, string State, DateTimeOffset? Since, string? Problem)
{
    public string Topic => Kind.Prefix + Instance;

    /// <summary>Whether it says it runs (its presence comes back at its next connect if cleared).</summary>
    public bool Alive => Problem is null && Kind.AliveStates.Contains(State, StringComparer.Ordinal);

    public static RetainedPresence Read(PresenceKind kind, string topic, ReadOnlySpan<byte> payload)
    {
        var instance = topic[kind.Prefix.Length..];
        string? state;
        long ts;
        string reason;
        if (kind == PresenceKind.Collector)
        {
            var p = CollectorPresence.Parse(topic, payload, out reason);
            (state, ts) = p is null ? (null, 0) : (p.Role, p.Ts);
        }
        else
        {
            var p = ServicePresence.Parse(kind.Prefix, topic, payload, out reason);
            (state, ts) = p is null ? (null, 0) : (p.State, p.Ts);
        }

        return state is null
            ? new RetainedPresence(kind, instance, "unreadable", null, reason)
            : new RetainedPresence(kind, instance, state, ts > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ts) : null, null);
    }

    /// <summary>"collector  b  dead  (since unknown: its last will)", one line of the list.</summary>
    public string Describe() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Kind.Name,-10} {Instance,-24} {State,-10} {(Problem is not null ? Problem : Since is { } s ? "since " + s.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "since unknown (a last will)")}");
}
