using LiveRoom.Dashboard.Backup;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Dashboard.Tests.Backup;

/// <summary>influxd 1.6's terse failures (stderr recorded in TestData/Backup) explained; its own words kept.</summary>
public sealed class InfluxdMessagesTests
{
    [Fact]
    public void RestoreFailure_DatabaseExists_ExplainsDropOrNewDb()
    {
        var message = InfluxdMessages.RestoreFailure(Recorded("influxd-restore-database-exists.stderr"), "liveroom");

        Assert.StartsWith("influxd exited with code 1: ", message, StringComparison.Ordinal);
        Assert.Contains("restore: DB metadata not changed. database may already exist", message, StringComparison.Ordinal);
        Assert.Contains("InfluxDB already has a database 'liveroom'", message, StringComparison.Ordinal);
        Assert.Contains("DROP DATABASE \"liveroom\"", message, StringComparison.Ordinal);
        Assert.Contains("--newdb NAME", message, StringComparison.Ordinal);
    }

    [Fact]
    public void BackupFailure_BareEof_ExplainsTheMissingDatabase()
    {
        var message = InfluxdMessages.BackupFailure(Recorded("influxd-backup-no-database.stderr"), "liveroom");

        Assert.StartsWith("influxd exited with code 1: ", message, StringComparison.Ordinal);
        Assert.Contains("backup: EOF (influxd ends with EOF when the server has no database 'liveroom': check Dashboard:Influx:Database", message, StringComparison.Ordinal);
    }

    [Fact]
    public void BackupFailure_OtherError_InfluxdsOwnMessage() =>
        Assert.Equal(
            "influxd exited with code 1: backup: open /backup/x: permission denied",
            InfluxdMessages.BackupFailure(new ProcessResult("influxd", 1, string.Empty, "backup: open /backup/x: permission denied\n"), "liveroom"));

    [Fact]
    public void Failures_ExitZero_Null()
    {
        var ok = new ProcessResult("influxd", 0, string.Empty, "2026/11/22 23:10:35 backup complete:\n");

        Assert.Null(InfluxdMessages.BackupFailure(ok, "liveroom"));
        Assert.Null(InfluxdMessages.RestoreFailure(ok, "liveroom"));
    }

    private static ProcessResult Recorded(string name) =>
        new("influxd", 1, string.Empty, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Backup", name)));
}
