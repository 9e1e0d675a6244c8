using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Alerts.Notifying;

namespace LiveRoom.Ingest.Alerts.Heartbeat;

/// <summary>
/// Services that say whether they are there (<see cref="ServicePresence"/>, decision 0026), as one watcher reads them:
/// the watchdog reads the dashboards', the active collector the watchdogs'. A service whose last will arrived is down —
/// its process died or its link to the broker did. One alert covers every one down at once; it is reminded every repeat
/// and resolved when each is online again, stopped on purpose or cleared. A service that never connected is not known
/// here. Thread-safe.
/// </summary>
/// <param name="noun">What the services are, in notes: "dashboard", "watchdog".</param>
/// <param name="prefix">Their presences' topic prefix.</param>
/// <remarks>What each service last said is a <see cref="ServicePresenceTable"/>; this adds the alert's course.</remarks>
internal sealed class PresenceWatch(string noun, string prefix)
{
    private readonly Lock _lock = new();
    private readonly ServicePresenceTable _table = new(prefix);
    private IReadOnlyList<string> _down = [];
    private DateTimeOffset _since;
    private DateTimeOffset _lastNotice;

    /// <summary>The services reported down now, by client id.</summary>
    public IReadOnlyList<string> Down
    {
        get
        {
            lock (_lock)
            {
                return _down;
            }
        }
    }

    /// <summary>Takes one presence message (an empty one clears the service); null when taken, else why not.</summary>
    public string? Apply(string topic, ReadOnlySpan<byte> payload) => _table.Apply(topic, payload);

    /// <summary>One judgement: a notice to send (firing, a reminder or resolved), when it began, and the note naming the services; or null.</summary>
    public (NoticeKind Kind, DateTimeOffset Since, string Note)? Step(DateTimeOffset now, TimeSpan repeat)
    {
        lock (_lock)
        {
            return StepLocked(now, repeat);
        }
    }

    private (NoticeKind Kind, DateTimeOffset Since, string Note)? StepLocked(DateTimeOffset now, TimeSpan repeat)
    {
        IReadOnlyList<string> down = [.. _table.Entries.Where(e => e.State == ServicePresence.Dead).Select(e => e.Instance)];
        if (down.Count == 0)
        {
            if (_down.Count == 0)
            {
                return null;
            }

            var was = _down;
            _down = [];
            return (NoticeKind.Resolved, _since, string.Join("; ", was.Select(Outcome)));
        }

        var firing = _down.Count == 0;
        _down = down;
        if (firing)
        {
            _since = now;
            _lastNotice = now;
            return (NoticeKind.Firing, now, Named(down));
        }

        if (now - _lastNotice < repeat)
        {
            return null;
        }

        _lastNotice = now;
        return (NoticeKind.Reminder, _since, Named(down));
    }

    private string Named(IReadOnlyList<string> down) => (down.Count == 1 ? noun + " " : noun + "s ") + string.Join(", ", down);

    private string Outcome(string instance) => _table.StateOf(instance) switch
    {
        null => $"{noun} {instance} was cleared",
        ServicePresence.Online => $"{noun} {instance} is back",
        _ => $"{noun} {instance} was stopped",
    };
}
