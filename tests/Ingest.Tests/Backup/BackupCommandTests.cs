using System.Text.Json;
using LiveRoom.Ingest.Backup;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Backup;

/// <summary>
/// <c>liveroom-ingest backup</c>, in process: the alert store copied while the collector holds it open, with a manifest
/// saying it is the collector's; refusals in one line, exit 2 for bad arguments or settings and 1 for a refusal, and
/// nothing created on disk.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("ingest-backup");

    private string Live => _dir.Combine("state", "alerts.db");

    // The cases of the shared parser are in tests/Backup.Tests/BackupArgumentsTests; two reach this command's usage line.
    [Theory]
    [InlineData("backup", "give --to DIR or --under DIR")]
    [InlineData("backup --to a --spill", "unknown argument '--spill'")]
    public async Task Run_BadArguments_Exit2WithTheProblemAndUsage(string arguments, string problem)
    {
        var (exit, stdout, stderr) = await RunAsync(arguments.Split(' '));

        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Equal($"liveroom-ingest: {problem}. {BackupCommand.Usage}\n", stderr);
    }

    [Theory]
    [InlineData("--Ingest:Alerts:StorePath= ", "Ingest:Alerts:StorePath is empty")]
    [InlineData("--Ingest:StateDirectory= ", "Ingest:StateDirectory must not be empty")]
    public async Task Run_BadSettings_Exit2NamingTheKey(string setting, string problem)
    {
        var (exit, _, stderr) = await RunAsync("backup", "--to", _dir.Combine("b"), setting);

        Assert.Equal(2, exit);
        Assert.StartsWith($"liveroom-ingest: configuration error: {problem}", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("b")));
    }

    [Fact]
    public async Task Run_StoreMissing_Exit1NamingTheStoreAndKeysAndNothingCreated()
    {
        var (exit, _, stderr) = await RunAsync("backup", "--to", _dir.Combine("b"), $"--Ingest:StateDirectory={_dir.Combine("state")}");

        Assert.Equal(1, exit);
        Assert.Equal(
            $"liveroom-ingest: backup failed: the alert store {Live} does not exist (Ingest:Alerts:StorePath; default alerts.db in Ingest:StateDirectory, '{_dir.Combine("state")}')\n",
            stderr);
        Assert.False(Directory.Exists(_dir.Combine("b")));
    }

    [Fact]
    public async Task Run_StoreOpenByTheCollector_CopiesItWithAManifestOfTheCollector()
    {
        using var running = AlertStoreFiles.Create(Live);

        var (exit, stdout, stderr) = await RunAsync("backup", "--to", _dir.Combine("b"), $"--Ingest:StateDirectory={_dir.Combine("state")}");

        Assert.True(exit == 0, stderr);
        Assert.StartsWith($"backed up the alert store {Live} to {_dir.Combine("b")}: alerts 1 file(s) ", stdout, StringComparison.Ordinal);
        Assert.Equal(["alerts/alerts.db", "manifest.json"], Files(_dir.Combine("b")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(_dir.Combine("b", "manifest.json")));
        Assert.Equal("liveroom-ingest", manifest.RootElement.GetProperty("product").GetString());
        Assert.False(manifest.RootElement.TryGetProperty("database", out _));
        Assert.Equal("2026-11-22T06:00:00+00:00", manifest.RootElement.GetProperty("startedUtc").GetString());
        AlertStoreFiles.AssertHolds(_dir.Combine("b", "alerts", "alerts.db"));
    }

    [Fact]
    public async Task Run_SpillNextToTheStore_NotBackedUp()
    {
        AlertStoreFiles.Create(Live).Dispose();
        File.WriteAllText(_dir.Combine("state", "spill.txt"), "not this");
        Directory.CreateDirectory(_dir.Combine("state", "spill"));
        File.WriteAllText(_dir.Combine("state", "spill", "000001.seg"), "transient");

        var (exit, _, stderr) = await RunAsync("backup", "--to", _dir.Combine("b"), $"--Ingest:Alerts:StorePath={Live}");

        Assert.True(exit == 0, stderr);
        Assert.Equal(["alerts/alerts.db", "manifest.json"], Files(_dir.Combine("b")));
    }

    [Fact]
    public async Task Run_UnderWithKeep_DatedCollectorDirectoryAndOnlyItsOwnPruned()
    {
        AlertStoreFiles.Create(Live).Dispose();
        var under = _dir.Combine("backups");
        Directory.CreateDirectory(Path.Combine(under, "liveroom-ingest-20261120T030000Z"));
        File.WriteAllText(Path.Combine(under, "liveroom-ingest-20261120T030000Z", "manifest.json"), "{}");
        Directory.CreateDirectory(Path.Combine(under, "liveroom-20261120T030000Z")); // the dashboard's
        File.WriteAllText(Path.Combine(under, "liveroom-20261120T030000Z", "manifest.json"), "{}");

        var (exit, stdout, stderr) = await RunAsync("backup", "--under", under, "--keep", "1", $"--Ingest:Alerts:StorePath={Live}");

        Assert.True(exit == 0, stderr);
        Assert.Contains($"removed {Path.Combine(under, "liveroom-ingest-20261120T030000Z")} (--keep 1)", stdout, StringComparison.Ordinal);
        Assert.Equal(
            [".liveroom-backup.lock", "liveroom-20261120T030000Z/manifest.json", "liveroom-ingest-20261122T060000Z/alerts/alerts.db", "liveroom-ingest-20261122T060000Z/manifest.json"],
            Files(under));
    }

    [Fact]
    public async Task Run_TargetNotEmpty_Exit1AndTheTargetUntouched()
    {
        AlertStoreFiles.Create(Live).Dispose();
        Directory.CreateDirectory(_dir.Combine("b"));
        File.WriteAllText(_dir.Combine("b", "manifest.json"), "an older backup");

        var (exit, _, stderr) = await RunAsync("backup", "--to", _dir.Combine("b"), $"--Ingest:Alerts:StorePath={Live}");

        Assert.Equal(1, exit);
        Assert.Equal($"liveroom-ingest: backup failed: {_dir.Combine("b")} is not empty (it holds manifest.json, ...): a backup goes into a new or empty directory, so it never mixes with another\n", stderr);
        Assert.Equal("an older backup", File.ReadAllText(_dir.Combine("b", "manifest.json")));
    }

    public void Dispose() => _dir.Dispose();

    internal static string[] Files(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    internal static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BackupCommand.RunAsync(args, stdout, stderr, new FakeTimeProvider(AlertStoreFiles.Now), CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
