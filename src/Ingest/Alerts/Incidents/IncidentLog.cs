using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Store;

namespace LiveRoom.Ingest.Alerts.Incidents;

/// <summary>
/// Every alert episode that fired, with its timeline (issue 7 item 6); written through to the store when there is one.
/// Thread-safe.
/// </summary>
public sealed class IncidentLog(AlertStore? store = null)
{
    private readonly Dictionary<string, (AlertSnapshot Alert, List<IncidentEvent> Timeline)> _incidents = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Raised with the alert's id after each <see cref="Record"/> (not after <see cref="Replace"/>).</summary>
    public event Action<string>? Recorded;

    public void Load()
    {
        if (store is null)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var incident in store.LoadIncidents())
            {
                _incidents[incident.Alert.Id] = (incident.Alert, incident.Timeline.ToList());
            }
        }
    }

    public void Record(AlertSnapshot alert, IncidentEventKind kind, DateTimeOffset at, string? who = null, string? detail = null)
    {
        var e = new IncidentEvent(alert.Id, at, kind, who, detail);
        lock (_lock)
        {
            if (!_incidents.TryGetValue(alert.Id, out var incident))
            {
                incident = (alert, []);
            }

            incident.Timeline.Add(e);
            _incidents[alert.Id] = (alert, incident.Timeline);
        }

        store?.SaveIncident(alert, e);
        Recorded?.Invoke(alert.Id);
    }

    /// <summary>
    /// Takes another collector's copy of an incident in place of this one's (stored too). Timelines only grow and every
    /// change of an alert adds an event, so a copy whose timeline is no longer than this log's is the same or an older
    /// one and is ignored (false); a broker that sends every retained record again after a reconnect costs no writes.
    /// </summary>
    public bool Replace(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        lock (_lock)
        {
            if (_incidents.TryGetValue(incident.Alert.Id, out var mine) && mine.Timeline.Count >= incident.Timeline.Count)
            {
                return false;
            }

            _incidents[incident.Alert.Id] = (incident.Alert, incident.Timeline.ToList());
            store?.ReplaceIncident(incident);
        }

        return true;
    }

    public Incident? Get(string alertId)
    {
        lock (_lock)
        {
            return _incidents.TryGetValue(alertId, out var i) ? new Incident(i.Alert, i.Timeline.ToArray()) : null;
        }
    }

    public IReadOnlyList<Incident> Query(IncidentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_lock)
        {
            return _incidents.Values
                .Where(i => (filter.Site is null || i.Alert.Site == filter.Site) && (filter.Room is null || i.Alert.Room == filter.Room)
                    && (filter.Show is null || i.Alert.Show == filter.Show)
                    && (filter.From is null || (i.Alert.FiredAt ?? i.Alert.Since) >= filter.From)
                    && (filter.To is null || (i.Alert.FiredAt ?? i.Alert.Since) < filter.To))
                .OrderBy(i => i.Alert.FiredAt ?? i.Alert.Since)
                .Select(i => new Incident(i.Alert, i.Timeline.ToArray()))
                .ToArray();
        }
    }
}
