using LiveRoom.Contracts.Text;
namespace LiveRoom.Ingest.Alerts.Replication;

public enum ConfigurationResult
{
    /// <summary>Stored and live.</summary>
    Applied,

    /// <summary>This collector already has that revision or a later one.</summary>
    NotNewer,

    /// <summary>A rule, silence or rota entry is unusable; see the failures.</summary>
    Refused,
}

/// <summary>What <see cref="AlertAdmin.Apply"/> did with another collector's configuration.</summary>
public sealed record ConfigurationOutcome(ConfigurationResult Result, IReadOnlyList<LocalText> Failures);
