using System.Text.Json.Nodes;
using LiveRoom.Ingest.Backup;
using LiveRoom.Backup;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Backup;

/// <summary>
/// <c>liveroom-ingest restore</c>, in process: the alert store comes back whole (rules, rota, incidents with their
/// timelines, read through <c>AlertStore</c>), e.g. the active collector's onto a standby; a
/// corrupted backup, the dashboard's backup, an existing store without --force and a store a running collector holds
/// are refused before anything is written.
/// </summary>
public sealed class RestoreCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("ingest-restore");

    private string Backup => _dir.Combine("b");

    private string Active => _dir.Combine("active", "alerts.db");

    private string Standby => _dir.Combine("standby", "alerts.db");

    [Fact]
    public async Task Run_IntoAFreshStateDirectory_EveryRuleRotaEntryAndIncidentBack()
    {
        await MakeAsync();

        var (exit, stdout, stderr) = await RunAsync("restore", "--from", Backup, $"--Ingest:StateDirectory={_dir.Combine("standby")}");

        Assert.True(exit == 0, stderr);
        Assert.StartsWith($"{Backup} is intact: 1 file(s), ", stdout, StringComparison.Ordinal);
        Assert.Contains("backed up 2026-11-22 06:00:00Z", stdout, StringComparison.Ordinal);
        Assert.EndsWith($"restored the alert store to {Standby}; start liveroom-ingest\n", stdout, StringComparison.Ordinal);
        AlertStoreFiles.AssertHolds(Standby);
    }

    [Fact]
    public async Task Run_StandbyHasItsOwnStoreWithoutForce_Exit1AndItsStoreUnchanged()
    {
        await MakeAsync();
        AlertStoreFiles.Create(Standby, onCall: "standby-tech", threshold: 20).Dispose();

        var (exit, _, stderr) = await RunAsync("restore", "--from", Backup, $"--Ingest:Alerts:StorePath={Standby}");

        Assert.Equal(1, exit);
        Assert.Equal($"liveroom-ingest: restore failed: the alert store {Standby} exists; restore replaces it only with --force (stop liveroom-ingest first)\n", stderr);
        AlertStoreFiles.AssertHolds(Standby, onCall: "standby-tech", threshold: 20);
    }

    [Fact]
    public async Task Run_ForceOverTheStandbysStore_ReplacesItWithTheActiveOnes()
    {
        await MakeAsync();
        AlertStoreFiles.Create(Standby, onCall: "standby-tech", threshold: 20).Dispose();

        var (exit, _, stderr) = await RunAsync("restore", "--from", Backup, "--force", $"--Ingest:Alerts:StorePath={Standby}");

        Assert.True(exit == 0, stderr);
        AlertStoreFiles.AssertHolds(Standby);
    }

    [Fact]
    public async Task Run_StoreHeldOpenByARunningCollector_Exit1EvenWithForce()
    {
        await MakeAsync();
        using var running = AlertStoreFiles.Create(Standby, onCall: "standby-tech", threshold: 20);

        var (exit, _, stderr) = await RunAsync("restore", "--from", Backup, "--force", $"--Ingest:Alerts:StorePath={Standby}");

        Assert.Equal(1, exit);
        Assert.Equal($"liveroom-ingest: restore failed: the alert store {Standby} is open by another process (a running liveroom-ingest): stop the collector first (systemctl stop liveroom-ingest)\n", stderr);
        Assert.Equal(20, running.LoadRules().Single(r => r.Id == "fps_low").Threshold);
    }

    [Fact]
    public async Task Run_CorruptedCopy_Exit1NamingItAndNothingWritten()
    {
        await MakeAsync();
        File.AppendAllText(_dir.Combine("b", "alerts", "alerts.db"), "!");

        var (exit, stdout, stderr) = await RunAsync("restore", "--from", Backup, $"--Ingest:Alerts:StorePath={Standby}");

        Assert.Equal((1, string.Empty), (exit, stdout));
        Assert.StartsWith("liveroom-ingest: restore failed: backup refused: alerts/alerts.db is corrupted: it has ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("standby")));
    }

    [Fact]
    public async Task Run_DashboardBackup_Exit1NamingTheOtherProgram()
    {
        Directory.CreateDirectory(_dir.Combine("b", "store"));
        File.WriteAllText(_dir.Combine("b", "store", "dashboard.db"), "the dashboard's store");
        await ManifestWriter.WriteAsync(Backup, BackupProduct.Dashboard, "liveroom", [new PartSource("store", "/var/lib/liveroom/dashboard/dashboard.db", "store")], AlertStoreFiles.Now, AlertStoreFiles.Now, CancellationToken.None);

        var (exit, _, stderr) = await RunAsync("restore", "--from", Backup, "--check", $"--Ingest:Alerts:StorePath={Standby}");

        Assert.Equal(1, exit);
        Assert.Equal($"liveroom-ingest: restore failed: backup refused: {Backup} is a backup of liveroom-dashboard, not of liveroom-ingest: restore it with 'liveroom-dashboard restore'\n", stderr);
        Assert.False(Directory.Exists(_dir.Combine("standby")));
    }

    [Fact]
    public async Task Run_ManifestWithoutTheStore_Exit1NotACollectorBackup()
    {
        await MakeAsync();
        File.Delete(_dir.Combine("b", "alerts", "alerts.db"));
        var manifest = JsonNode.Parse(File.ReadAllText(_dir.Combine("b", "manifest.json")))!;
        manifest["files"] = new JsonArray();
        File.WriteAllText(_dir.Combine("b", "manifest.json"), manifest.ToJsonString());

        var (exit, _, stderr) = await RunAsync("restore", "--from", Backup, $"--Ingest:Alerts:StorePath={Standby}");

        Assert.Equal(1, exit);
        Assert.Equal($"liveroom-ingest: restore failed: {Backup} holds no alerts/alerts.db: not a collector backup\n", stderr);
    }

    [Fact]
    public async Task Run_Check_Exit0AndNothingWritten()
    {
        await MakeAsync();

        var (exit, stdout, stderr) = await RunAsync("restore", "--from", Backup, "--check", $"--Ingest:Alerts:StorePath={Standby}");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Single(stdout.Trim().Split('\n'));
        Assert.Contains(" by liveroom-ingest ", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("standby")));
    }

    [Theory]
    [InlineData("restore", "give --from DIR")]
    [InlineData("restore --from b --newdb x", "unknown argument '--newdb'")]
    public async Task Run_BadArguments_Exit2WithUsage(string arguments, string problem)
    {
        var (exit, _, stderr) = await RunAsync(arguments.Split(' '));

        Assert.Equal(2, exit);
        Assert.Equal($"liveroom-ingest: {problem}. {RestoreCommand.Usage}\n", stderr);
    }

    public void Dispose() => _dir.Dispose();

    private async Task MakeAsync()
    {
        using var running = AlertStoreFiles.Create(Active);
        var (exit, _, stderr) = await BackupCommandTests.RunAsync("backup", "--to", Backup, $"--Ingest:Alerts:StorePath={Active}");
        Assert.True(exit == 0, stderr);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await RestoreCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
