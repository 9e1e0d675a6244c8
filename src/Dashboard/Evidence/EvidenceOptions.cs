namespace LiveRoom.Dashboard.Evidence;

/// <summary>
/// Evidence thumbnails on the central side (<c>Dashboard:Evidence:*</c>, issue 5 item 5): where they are kept, how long
/// (seed clauses 6.2.3 and 7.4.5: at least 60 days), and the MQTT session that receives them (broker from
/// <c>Dashboard:Mqtt</c>).
/// </summary>
public sealed class EvidenceOptions
{
    public const string Section = "Dashboard:Evidence";

    /// <summary>Days a thumbnail is kept. Default 90; at least 60 (seed clause 6.2.3), at most 3650.</summary>
    public int RetentionDays { get; set; } = EvidenceDefaults.RetentionDays;

    /// <summary>Where the JPEGs go. Default <c>thumbnails</c> next to the configuration store's SQLite file.</summary>
    public string? Directory { get; set; }

    /// <summary>Client id of the evidence session (persistent: thumbnails queue in the broker while the dashboard is down). Default <c>liveroom-dashboard-evidence</c>.</summary>
    public string ClientId { get; set; } = EvidenceDefaults.ClientId;

    /// <summary>How often old thumbnails are removed. Default 1 day; 1 min to 7 days.</summary>
    public TimeSpan SweepInterval { get; set; } = EvidenceDefaults.SweepInterval;
}
