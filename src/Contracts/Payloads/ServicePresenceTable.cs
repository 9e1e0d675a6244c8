namespace LiveRoom.Contracts.Payloads;

/// <summary>
/// The services under one topic prefix as their retained <see cref="ServicePresence"/> messages last said, by client id:
/// an empty message (an operator retiring the service) forgets it. Read by the collector's and the watchdog's alerts
/// (<c>PresenceWatch</c>) and by the dashboard's wall. Thread-safe.
/// </summary>
/// <param name="prefix">The presences' topic prefix, e.g. <see cref="Topics.Topic.WatchdogInstancePrefix"/>.</param>
public sealed class ServicePresenceTable(string prefix)
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, ServicePresenceEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>Every known service, ordered by client id.</summary>
    public IReadOnlyList<ServicePresenceEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count == 0 ? [] : [.. _entries.Values];
            }
        }
    }

    /// <summary>The state <paramref name="instance"/> last said, or null when it is not known (never seen, or cleared).</summary>
    public string? StateOf(string instance)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(instance, out var entry) ? entry.State : null;
        }
    }

    /// <summary>
    /// Takes one presence message; null when taken, else why not. <paramref name="at"/>: when it arrived, so when a new state
    /// began; null when that is not known (a retained message replayed on subscribing). A repeated state keeps its start.
    /// </summary>
    public string? Apply(string topic, ReadOnlySpan<byte> payload, DateTimeOffset? at = null)
    {
        if (payload.IsEmpty && topic.StartsWith(prefix, StringComparison.Ordinal))
        {
            lock (_lock)
            {
                _entries.Remove(topic[prefix.Length..]);
            }

            return null;
        }

        if (ServicePresence.Parse(prefix, topic, payload, out var reason) is not { } presence)
        {
            return reason;
        }

        lock (_lock)
        {
            if (!_entries.TryGetValue(presence.Instance, out var known) || known.State != presence.State)
            {
                _entries[presence.Instance] = new ServicePresenceEntry(presence.Instance, presence.State, at);
            }
        }

        return null;
    }
}

/// <summary>A service as its presence last said.</summary>
/// <param name="Instance">Its MQTT client id.</param>
/// <param name="State"><see cref="ServicePresence.Online"/>, <see cref="ServicePresence.Stopped"/> or <see cref="ServicePresence.Dead"/>.</param>
/// <param name="Since">When this state began as the reader saw it (null: it was so when the reader subscribed).</param>
public sealed record ServicePresenceEntry(string Instance, string State, DateTimeOffset? Since);
