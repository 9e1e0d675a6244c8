using LiveRoom.Contracts.Topics;

namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// The members of a primary/standby collector group as their retained presences (<see cref="CollectorPresence"/>) say,
/// for whoever reads <see cref="Topic.CollectorInstances"/>: the dashboard shows it, the watchdog warns from it. An empty
/// payload (cleared by an operator retiring a machine) removes a member. Thread-safe.
/// </summary>
public sealed class CollectorGroup
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, CollectorMember> _members = new(StringComparer.Ordinal);

    /// <summary>Every member, by name.</summary>
    public IReadOnlyList<CollectorMember> Members
    {
        get
        {
            lock (_lock)
            {
                return [.. _members.Values];
            }
        }
    }

    /// <summary>
    /// Takes one presence message; returns null when taken, or why it was not (the caller logs it).
    /// <paramref name="retained"/>: replayed by the broker on subscribing, so when the role began is unknown.
    /// </summary>
    public string? Apply(string topic, ReadOnlySpan<byte> payload, DateTimeOffset now, bool retained)
    {
        if (payload.IsEmpty && topic.StartsWith(Topic.CollectorInstancePrefix, StringComparison.Ordinal))
        {
            lock (_lock)
            {
                _members.Remove(topic[Topic.CollectorInstancePrefix.Length..]);
            }

            return null;
        }

        if (CollectorPresence.Parse(topic, payload, out var reason) is not { } presence)
        {
            return reason;
        }

        lock (_lock)
        {
            if (!_members.TryGetValue(presence.Instance, out var known) || known.Role != presence.Role)
            {
                _members[presence.Instance] = new CollectorMember(presence.Instance, presence.Role, retained ? null : now);
            }
        }

        return null;
    }

    /// <summary>
    /// The members that died while no other member stands by, i.e. nobody would take over if the active collector
    /// failed; empty while a standby is ready or none died. A member stopped cleanly was stopped on purpose and does not
    /// count as lost. The one rule the dashboard shows and the watchdog reports.
    /// </summary>
    public IReadOnlyList<CollectorMember> DeadWithoutStandby()
    {
        lock (_lock)
        {
            return _members.Values.Any(m => m.Role == CollectorPresence.Standby)
                ? []
                : [.. _members.Values.Where(m => m.Role == CollectorPresence.Dead)];
        }
    }

    /// <summary>The members standing by, by name.</summary>
    public IReadOnlyList<string> Standbys()
    {
        lock (_lock)
        {
            return [.. _members.Values.Where(m => m.Role == CollectorPresence.Standby).Select(m => m.Instance)];
        }
    }
}

/// <summary>One collector of a primary/standby group as it last said.</summary>
/// <param name="Instance">Its name.</param>
/// <param name="Role"><c>standby</c>, <c>active</c>, <c>dead</c> (its last will) or <c>stopped</c>.</param>
/// <param name="Since">When the reader saw it take this role (null when that was before the reader subscribed).</param>
public sealed record CollectorMember(string Instance, string Role, DateTimeOffset? Since);
