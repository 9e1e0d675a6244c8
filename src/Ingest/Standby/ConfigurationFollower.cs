using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Replication;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Standby;

/// <summary>
/// A standby's side of the alert configuration (seed clause 4.3): what the active collector publishes on
/// <see cref="AlertDefaults.ConfigurationTopic"/> is taken into this collector's store and made live, when it is newer
/// and sound, so that alerts route the same way after a takeover. Fed by the <see cref="CollectorLease"/>'s session.
/// </summary>
public sealed class ConfigurationFollower(AlertAdmin admin, string instance, ILogger logger) : IReplicaFollower
{
    public string TopicFilter => AlertDefaults.ConfigurationTopic;

    public bool Accepts(string topic) => topic == AlertDefaults.ConfigurationTopic;

    /// <remarks>Also while active: of two active collectors, the one changed later has the higher revision.</remarks>
    void IReplicaFollower.OnMessage(string topic, ReadOnlySpan<byte> payload, bool active) => OnMessage(payload);

    /// <summary>Takes one published configuration; a payload this collector cannot use is logged with the reason and changes nothing.</summary>
    public ConfigurationResult OnMessage(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            // The retained configuration was cleared (mosquitto_pub -r -n): keep what this collector has.
            return ConfigurationResult.NotNewer;
        }

        var configuration = AlertConfiguration.Parse(payload, out var error);
        if (configuration is null)
        {
            StandbyLog.ConfigurationRefused(logger, instance, "(unknown)", error!);
            return ConfigurationResult.Refused;
        }

        var from = configuration.Instance ?? "(unnamed)";
        var outcome = admin.Apply(configuration);
        switch (outcome.Result)
        {
            case ConfigurationResult.Applied:
                StandbyLog.ConfigurationApplied(logger, instance, configuration.Revision, from, configuration.Rules.Count, configuration.Rota.Count, configuration.Silences.Count);
                break;
            case ConfigurationResult.Refused:
                StandbyLog.ConfigurationRefused(logger, instance, from, string.Join("; ", outcome.Failures.Select(f => f.English)));
                break;
        }

        return outcome.Result;
    }
}
