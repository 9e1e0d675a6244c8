using LiveRoom.Dashboard.Backup;
using LiveRoom.Dashboard.Store;
using LiveRoom.Dashboard.Users;
using LiveRoom.Backup;
using LiveRoom.Testing;
using Microsoft.Data.Sqlite;

namespace LiveRoom.Dashboard.Tests.Backup;

/// <summary>
/// <c>liveroom-dashboard restore</c>'s refusals, in process: a corrupted backup or an existing store stops it before
/// anything is written, InfluxDB included. (The restore itself runs against influxd in tests/EndToEnd/BackupRestoreTests.)
/// </summary>
public sealed class RestoreCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("restore-command");

    private string Backup => _dir.Combine("b");

    private string Target => _dir.Combine("restored", "dashboard.db");

    [Fact]
    public async Task Run_CorruptedFile_Exit1NamingItAndNothingWritten()
    {
        await MakeAsync();
        File.AppendAllText(BackupFiles.Combine(Backup, "influxdb/20261122T060000Z.meta"), "!");

        var (exit, stdout, stderr) = await RunAsync("restore", "--from", Backup, Store(Target), Rpc());

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("liveroom-dashboard: restore failed: backup refused: influxdb/20261122T060000Z.meta is corrupted: it has 5 bytes, the manifest says 4\n", stderr);
        Assert.False(Directory.Exists(_dir.Combine("restored")));
    }

    [Fact]
    public async Task Run_StoreExistsWithoutForce_Exit1AndTheStoreUnchanged()
    {
        await MakeAsync();
        var existing = BackupFiles.Store(Target, "current-admin");

        var (exit, _, stderr) = await RunAsync("restore", "--from", Backup, Store(Target), Rpc());

        Assert.Equal(1, exit);
        Assert.Equal($"liveroom-dashboard: restore failed: the configuration store {Target} exists; restore replaces it only with --force (stop the dashboard first)\n", stderr);
        Assert.Equal(["current-admin"], new UserStore(existing).List().Select(u => u.Name));
    }

    [Fact]
    public async Task Run_StoreOpenByARunningDashboard_Exit1EvenWithForceAndTheStoreUnchanged()
    {
        await MakeAsync();
        // The dashboard's connection pool keeps the file open while it runs, as this store's does here.
        var running = BackupFiles.Store(Target, "current-admin");

        var (exit, _, stderr) = await RunAsync("restore", "--from", Backup, "--force", Store(Target), Rpc());

        Assert.Equal(1, exit);
        Assert.Equal($"liveroom-dashboard: restore failed: the configuration store {Target} is open by another process (a running liveroom-dashboard): stop the dashboard first (systemctl stop liveroom-dashboard)\n", stderr);
        Assert.Equal(["current-admin"], new UserStore(running).List().Select(u => u.Name));
    }

    [Fact]
    public async Task Run_ForceButInfluxUnreachable_Exit1BeforeTheStoreIsTouched()
    {
        await MakeAsync();
        var existing = BackupFiles.Store(Target, "current-admin");
        // The dashboard is stopped: nothing holds the store open.
        SqliteConnection.ClearAllPools();

        var (exit, _, stderr) = await RunAsync("restore", "--from", Backup, "--force", Store(Target), Rpc());

        Assert.Equal(1, exit);
        Assert.Contains("(Dashboard:Backup:InfluxRpc) is unreachable", stderr, StringComparison.Ordinal);
        Assert.Equal(["current-admin"], new UserStore(existing).List().Select(u => u.Name));
    }

    [Fact]
    public async Task Run_Check_Exit0DescribingTheBackupAndNothingWritten()
    {
        await MakeAsync();

        var (exit, stdout, stderr) = await RunAsync("restore", "--from", Backup, "--check", Store(Target), Rpc());

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.StartsWith($"{Backup} is intact: 4 file(s), ", stdout, StringComparison.Ordinal);
        Assert.Contains("backed up 2026-11-22 06:00:00Z", stdout, StringComparison.Ordinal);
        Assert.EndsWith("InfluxDB database 'liveroom'\n", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("restored")));
    }

    [Fact]
    public async Task Run_CollectorBackup_Exit1NamingTheOtherProgramAndNothingWritten()
    {
        BackupFiles.Write(Backup, "alerts/alerts.db", "the collector's alert store");
        await ManifestWriter.WriteAsync(Backup, BackupProduct.Ingest, null, [new PartSource("alerts", "/var/lib/liveroom/ingest/alerts.db", "alert store")], BackupFiles.Now, BackupFiles.Now, CancellationToken.None);

        var (exit, stdout, stderr) = await RunAsync("restore", "--from", Backup, Store(Target), Rpc());

        Assert.Equal((1, string.Empty), (exit, stdout));
        Assert.Equal($"liveroom-dashboard: restore failed: backup refused: {Backup} is a backup of liveroom-ingest, not of liveroom-dashboard: restore it with 'liveroom-ingest restore'\n", stderr);
        Assert.False(Directory.Exists(_dir.Combine("restored")));
    }

    [Theory]
    [InlineData("restore", "give --from DIR")]
    [InlineData("restore --from b --newdb bad/name", "--newdb 'bad/name' must be 1-64 letters, digits, '-', '_' or '.'")]
    [InlineData("restore --from b --overwrite", "unknown argument '--overwrite'")]
    public async Task Run_BadArguments_Exit2WithUsage(string arguments, string problem)
    {
        var (exit, _, stderr) = await RunAsync(arguments.Split(' '));

        Assert.Equal(2, exit);
        Assert.Equal($"liveroom-dashboard: {problem}. {RestoreCommand.Usage}\n", stderr);
    }

    public void Dispose() => _dir.Dispose();

    private static string Store(string path) => $"--Dashboard:Store:Path={path}";

    private static string Rpc() => FormattableString.Invariant($"--Dashboard:Backup:InfluxRpc=127.0.0.1:{FreePortHelper.Closed()}");

    private async Task MakeAsync()
    {
        var source = new SqliteStore(BackupFiles.Store(_dir.Combine("live", "dashboard.db")).Path);
        await BackupFiles.BackupAsync(Backup, BackupFiles.Settings(source.Path));
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await RestoreCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
