using System.Text.Json;
using LiveRoom.Dashboard.Backup;
using LiveRoom.Backup;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Backup;

/// <summary><c>manifest.json</c>: every file with size and SHA-256, the times from the clock in UTC, the database and version.</summary>
public sealed class ManifestTests : IDisposable
{
    private readonly TempDirectory _dir = new("backup-manifest");

    [Fact]
    public async Task WriteAsync_KnownFiles_ListsEachWithSizeAndSha256InOrdinalOrder()
    {
        var backup = _dir.Combine("b");
        BackupFiles.Write(backup, "store/dashboard.db", "abc");
        BackupFiles.Write(backup, "influxdb/x.meta", string.Empty);
        BackupFiles.Write(backup, "evidence/de/r/2026-11-22/1-periodic.jpg", "jpeg");

        var manifest = await DashboardManifest.WriteAsync(backup, BackupFiles.Settings("/var/lib/liveroom/dashboard/dashboard.db"), BackupFiles.Now.ToOffset(TimeSpan.FromHours(8)), BackupFiles.Now.AddMinutes(2), CancellationToken.None);

        Assert.Equal(
            [
                new ManifestFile("evidence/de/r/2026-11-22/1-periodic.jpg", 4, "41e5787e9f28562d07b891b1816b492309d646c0f2829743fa4963a9f9cc1d61"),
                new ManifestFile("influxdb/x.meta", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                new ManifestFile("store/dashboard.db", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ],
            manifest.Files);
        Assert.Equal([("store", 1, 3L), ("influxdb", 1, 0L), ("evidence", 1, 4L)], manifest.Parts.Select(p => (p.Name, p.Files, p.Bytes)));
        Assert.Equal("/var/lib/liveroom/dashboard/dashboard.db", manifest.Parts[0].Source);
    }

    [Fact]
    public async Task WriteAsync_Json_HasUtcTimesDatabaseProductAndVersion()
    {
        var backup = _dir.Combine("b");
        BackupFiles.Write(backup, "store/dashboard.db", "abc");

        await DashboardManifest.WriteAsync(backup, BackupFiles.Settings("/srv/dashboard.db"), BackupFiles.Now.ToOffset(TimeSpan.FromHours(8)), BackupFiles.Now.AddMinutes(2), CancellationToken.None);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(backup, "manifest.json")));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("format").GetInt32());
        Assert.Equal("2026-11-22T06:00:00+00:00", root.GetProperty("startedUtc").GetString());
        Assert.Equal("2026-11-22T06:02:00+00:00", root.GetProperty("completedUtc").GetString());
        Assert.Equal("liveroom", root.GetProperty("database").GetString());
        Assert.Equal("liveroom-dashboard", root.GetProperty("product").GetString());
        Assert.Equal(BackupProduct.Version, root.GetProperty("version").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        Assert.False(File.Exists(Path.Combine(backup, "manifest.json.tmp")));
    }

    [Fact]
    public async Task WriteAsync_ThenVerify_Intact()
    {
        var backup = _dir.Combine("b");
        var written = await BackupFiles.BackupAsync(backup, BackupFiles.Settings(BackupFiles.Store(_dir.Combine("dashboard.db")).Path));

        var check = ManifestVerifier.Verify(backup);

        Assert.True(check.Ok, check.Problem);
        Assert.Equal(written.Files, check.Manifest!.Files);
        Assert.Equal(written.StartedUtc, check.Manifest.StartedUtc);
    }

    public void Dispose() => _dir.Dispose();
}
