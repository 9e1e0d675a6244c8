using System.Text.Json;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Store;

namespace LiveRoom.Ingest.Alerts.Replication;

/// <summary>
/// One incident record as the active collector publishes it for its standbys, retained on
/// <see cref="AlertDefaults.IncidentTopicPrefix"/><c>{alertId}</c>: the alert as it stands and its whole timeline, so each
/// message replaces the last and a standby that connects later gets every record.
/// </summary>
public sealed record IncidentCopy
{
    public const int CurrentVersion = 1;

    public int V { get; init; } = CurrentVersion;

    /// <summary>The collector that published it.</summary>
    public string? Instance { get; init; }

    public AlertSnapshot? Alert { get; init; }

    public IReadOnlyList<IncidentEvent> Timeline { get; init; } = [];

    public static string TopicOf(string alertId) => AlertDefaults.IncidentTopicPrefix + alertId;

    public static byte[] ToJson(Incident incident, string? instance)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return JsonSerializer.SerializeToUtf8Bytes(new IncidentCopy { Instance = instance, Alert = incident.Alert, Timeline = incident.Timeline }, AlertStore.Json);
    }

    /// <summary>Reads a copy published on <paramref name="topic"/>; null with the reason when it is not one this collector can keep.</summary>
    public static IncidentCopy? Parse(string topic, ReadOnlySpan<byte> payload, out string? error)
    {
        if (!ReplicaJson.TryRead<IncidentCopy>(payload, "incident", out var copy, out error))
        {
            return null;
        }

        var id = topic.StartsWith(AlertDefaults.IncidentTopicPrefix, StringComparison.Ordinal) ? topic[AlertDefaults.IncidentTopicPrefix.Length..] : null;
        error = copy switch
        {
            null => "the payload is JSON null",
            { V: not CurrentVersion } => $"schema version {copy.V}; this collector reads version {CurrentVersion}",
            { Alert: null } => "it has no alert",
            { Timeline: null } => "its timeline is not a list",
            _ when copy.Alert.Id != id => $"its alert '{copy.Alert.Id}' is not the topic's '{id}'",
            _ when copy.Timeline.Any(e => e is null || e.AlertId != id) => $"its timeline holds events of another alert than '{id}'",
            _ => null,
        };
        return error is null ? copy : null;
    }

    public Incident ToIncident() => new(Alert!, Timeline);
}
