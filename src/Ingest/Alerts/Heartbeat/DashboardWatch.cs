using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts.Notifying;

namespace LiveRoom.Ingest.Alerts.Heartbeat;

/// <summary>
/// The watchdog's second track, beside the collector's (decision 0026): the dashboards' retained presences
/// (<see cref="DashboardPresence"/>). A dashboard whose last will arrived is down — its process died or its link to the
/// broker did, so the wall and room pages are gone or blind and schedule changes no longer reach the edges. One alert
/// covers every dashboard down at once; it is reminded every repeat and resolved when each is online again, stopped on
/// purpose or cleared. A dashboard that never connected is not known here. Not thread-safe: the watchdog holds its lock.
/// </summary>
internal sealed class DashboardWatch
{
    private readonly SortedDictionary<string, string> _states = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _down = [];
    private DateTimeOffset _since;
    private DateTimeOffset _lastNotice;

    /// <summary>The dashboards reported down now, by client id.</summary>
    public IReadOnlyList<string> Down => _down;

    /// <summary>Takes one presence message (an empty one clears the dashboard); null when taken, else why not.</summary>
    public string? Apply(string topic, ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            _states.Remove(topic[Topic.DashboardInstancePrefix.Length..]);
            return null;
        }

        if (DashboardPresence.Parse(topic, payload, out var reason) is not { } presence)
        {
            return reason;
        }

        _states[presence.Instance] = presence.State;
        return null;
    }

    /// <summary>One judgement: a notice to send (firing, a reminder or resolved), when it began, and the note naming the dashboards; or null.</summary>
    public (NoticeKind Kind, DateTimeOffset Since, string Note)? Step(DateTimeOffset now, TimeSpan repeat)
    {
        IReadOnlyList<string> down = [.. _states.Where(s => s.Value == DashboardPresence.Dead).Select(s => s.Key)];
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

    private static string Named(IReadOnlyList<string> down) => (down.Count == 1 ? "dashboard " : "dashboards ") + string.Join(", ", down);

    private string Outcome(string instance) => _states.TryGetValue(instance, out var state)
        ? state == DashboardPresence.Online ? $"dashboard {instance} is back" : $"dashboard {instance} was stopped"
        : $"dashboard {instance} was cleared";
}
