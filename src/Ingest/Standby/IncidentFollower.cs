using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Replication;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Standby;

/// <summary>
/// A standby's copy of the active collector's incident records (seed clauses 4.3, 8.4): each record published on
/// <see cref="AlertDefaults.IncidentTopicPrefix"/> replaces this collector's copy, so after a takeover the incident
/// reports are whole and the alerts the old collector left open carry on here (<c>AlertEngine.Adopt</c>). Once this
/// collector is active its own records count, and copies are no longer taken.
/// </summary>
public sealed class IncidentFollower(IncidentLog incidents, string instance, ILogger logger) : IReplicaFollower
{
    public string TopicFilter => AlertDefaults.IncidentTopicPrefix + "+";

    public bool Accepts(string topic) => topic.StartsWith(AlertDefaults.IncidentTopicPrefix, StringComparison.Ordinal);

    public void OnMessage(string topic, ReadOnlySpan<byte> payload, bool active)
    {
        if (payload.IsEmpty || active)
        {
            // A cleared record, or this collector has become the active one.
            return;
        }

        var copy = IncidentCopy.Parse(topic, payload, out var error);
        if (copy is null)
        {
            StandbyLog.IncidentRefused(logger, instance, topic, error!);
            return;
        }

        if (copy.Instance != instance)
        {
            incidents.Replace(copy.ToIncident());
        }
    }
}
