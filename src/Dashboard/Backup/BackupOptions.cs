namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// <c>backup</c> and <c>restore</c> (<c>Dashboard:Backup:*</c>; seed clause 4.3). The database is
/// <c>Dashboard:Influx:Database</c>, the store <c>Dashboard:Store:Path</c>, the thumbnails <c>Dashboard:Evidence:Directory</c>.
/// </summary>
public sealed class BackupOptions
{
    /// <summary>
    /// InfluxDB's RPC address, <c>HOST:PORT</c> (influxd's top-level <c>bind-address</c>), that <c>influxd backup</c> and
    /// <c>influxd restore</c> use. Default <c>127.0.0.1:8088</c>. The service has no authentication: keep it on loopback.
    /// </summary>
    public string InfluxRpc { get; set; } = BackupDefaults.InfluxRpc;

    /// <summary>The influxd program, a name on PATH or a path. Default <c>influxd</c>.</summary>
    public string Influxd { get; set; } = BackupDefaults.Influxd;

    /// <summary>Longest an influxd backup or restore may run; then it is killed and the command fails. Default 1 h; 1 min to 24 h.</summary>
    public TimeSpan InfluxTimeout { get; set; } = BackupDefaults.InfluxTimeout;
}
