namespace LiveRoom.Dashboard.Backup;

/// <summary>Defaults of <see cref="BackupOptions"/> and the names inside the dashboard's backup directory, in one place (the manifest's: <see cref="LiveRoom.Backup.BackupLayout"/>).</summary>
public static class BackupDefaults
{
    /// <summary>Configuration section: <c>Dashboard:Backup</c>.</summary>
    public const string Section = "Dashboard:Backup";

    /// <summary>InfluxDB's RPC address (its top-level <c>bind-address</c>): <c>127.0.0.1:8088</c>, influxd's own default.</summary>
    public const string InfluxRpc = "127.0.0.1:8088";

    /// <summary>The influxd program (Debian package <c>influxdb</c>): <c>influxd</c> on PATH.</summary>
    public const string Influxd = "influxd";

    /// <summary>Longest an <c>influxd backup</c> or <c>influxd restore</c> may run before it is killed: 1 h.</summary>
    public static readonly TimeSpan InfluxTimeout = TimeSpan.FromHours(1);

    /// <summary>Shortest and longest <see cref="BackupOptions.InfluxTimeout"/>: 1 min to 24 h.</summary>
    public static readonly TimeSpan MinInfluxTimeout = TimeSpan.FromMinutes(1);

    /// <inheritdoc cref="MinInfluxTimeout"/>
    public static readonly TimeSpan MaxInfluxTimeout = TimeSpan.FromHours(24);

    /// <summary>How long the RPC address may take to accept a connection before the backup gives up: 5 s.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The configuration store's copy: <c>store/dashboard.db</c>.</summary>
    public const string StorePart = "store";

    /// <summary>InfluxDB's portable backup, as influxd writes it: <c>influxdb/</c>.</summary>
    public const string InfluxPart = "influxdb";

    /// <summary>The evidence thumbnails (incl. framing reference candidates): <c>evidence/{site}/{room}/{day}/*.jpg</c>.</summary>
    public const string EvidencePart = "evidence";

    /// <summary>Name of a dated backup directory made by <c>--under</c>: <c>liveroom-yyyyMMddTHHmmssZ</c> (UTC).</summary>
    public const string DatedPrefix = "liveroom-";
}
