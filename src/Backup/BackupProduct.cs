using System.Reflection;

namespace LiveRoom.Backup;

/// <summary>
/// The program written into a manifest (<see cref="BackupManifest.Product"/>) and its version. A restore accepts only a
/// backup of its own program: the dashboard's holds its store, InfluxDB and thumbnails, the collector's its alert store.
/// </summary>
public static class BackupProduct
{
    /// <summary>The dashboard: configuration store, InfluxDB database, evidence thumbnails.</summary>
    public const string Dashboard = "liveroom-dashboard";

    /// <summary>The collector: its alert store (rules, silences, rota, incidents).</summary>
    public const string Ingest = "liveroom-ingest";

    /// <summary>The version of this build (all LiveRoom programs of one build share it), e.g. <c>1.0.0+abc</c>.</summary>
    public static string Version { get; } =
        typeof(BackupProduct).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BackupProduct).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
