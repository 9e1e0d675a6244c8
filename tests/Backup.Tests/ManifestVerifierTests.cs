using System.Text.Json.Nodes;
using LiveRoom.Backup;
using LiveRoom.Testing;

namespace LiveRoom.Backup.Tests;

/// <summary>A backup is checked against its manifest before anything is restored; the refusal names the file.</summary>
public sealed class ManifestVerifierTests : IDisposable
{
    private readonly TempDirectory _dir = new("backup-verify");

    private string Backup => _dir.Combine("b");

    [Fact]
    public async Task Verify_ByteChangedSameSize_RefusedNamingFileAndBothHashes()
    {
        await MakeAsync();
        var jpeg = BackupFiles.Combine(Backup, "evidence/de/room-1/2026-11-22/1795327200000-periodic.jpg");
        File.WriteAllText(jpeg, "JPEG");

        var check = ManifestVerifier.Verify(Backup);

        Assert.False(check.Ok);
        Assert.StartsWith("evidence/de/room-1/2026-11-22/1795327200000-periodic.jpg is corrupted: its SHA-256 is ", check.Problem, StringComparison.Ordinal);
        Assert.Contains("the manifest says 41e5787e9f28562d07b891b1816b492309d646c0f2829743fa4963a9f9cc1d61", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_StoreTruncated_RefusedWithBothSizes()
    {
        var manifest = await MakeAsync();
        var store = BackupFiles.Combine(Backup, "store/dashboard.db");
        using (var file = File.OpenWrite(store))
        {
            file.SetLength(100);
        }

        var expected = manifest.Files.Single(f => f.Path == "store/dashboard.db").Bytes;
        Assert.Equal($"store/dashboard.db is corrupted: it has 100 bytes, the manifest says {expected}", ManifestVerifier.Verify(Backup).Problem);
    }

    [Fact]
    public async Task Verify_FileMissing_Refused()
    {
        await MakeAsync();
        File.Delete(BackupFiles.Combine(Backup, "influxdb/20261122T060000Z.meta"));

        Assert.Equal("influxdb/20261122T060000Z.meta is missing from the backup", ManifestVerifier.Verify(Backup).Problem);
    }

    [Fact]
    public async Task Verify_NoManifest_RefusedAsIncomplete()
    {
        await MakeAsync();
        File.Delete(Path.Combine(Backup, "manifest.json"));

        Assert.Contains("manifest.json is missing: ", ManifestVerifier.Verify(Backup).Problem, StringComparison.Ordinal);
        Assert.Contains("incomplete", ManifestVerifier.Verify(Backup).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoDirectory_Refused() =>
        Assert.Equal($"{_dir.Combine("nothing")} does not exist", ManifestVerifier.Verify(_dir.Combine("nothing")).Problem);

    [Theory]
    [InlineData("../outside.db")]
    [InlineData("/etc/passwd")]
    [InlineData("store/./dashboard.db")]
    public async Task Verify_PathOutsideBackup_Refused(string path)
    {
        await MakeAsync();
        Edit(json => json["files"]![0]!["path"] = path);

        Assert.Equal($"the manifest lists '{path}', which is not a path inside the backup", ManifestVerifier.Verify(Backup).Problem);
    }

    [Fact]
    public async Task Verify_NewerFormat_Refused()
    {
        await MakeAsync();
        Edit(json => json["format"] = 2);

        Assert.StartsWith($"{Path.Combine(Backup, "manifest.json")} has format 2; this version reads format 1", ManifestVerifier.Verify(Backup).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_OtherProduct_RefusedNamingBoth()
    {
        await MakeAsync();

        Assert.Equal(
            $"{Backup} is a backup of liveroom-dashboard, not of liveroom-ingest: restore it with 'liveroom-dashboard restore'",
            ManifestVerifier.Verify(Backup, BackupProduct.Ingest).Problem);
        Assert.True(ManifestVerifier.Verify(Backup, BackupProduct.Dashboard).Ok);
    }

    [Fact]
    public async Task Verify_OtherProductAndCorrupted_RefusedAsTheOtherProgramsFirst()
    {
        await MakeAsync();
        File.AppendAllText(BackupFiles.Combine(Backup, "influxdb/20261122T060000Z.meta"), "!");

        Assert.StartsWith($"{Backup} is a backup of liveroom-dashboard, not of liveroom-ingest", ManifestVerifier.Verify(Backup, BackupProduct.Ingest).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ManifestNotJson_Refused()
    {
        await MakeAsync();
        File.WriteAllText(Path.Combine(Backup, "manifest.json"), "{ \"format\": 1, ");

        Assert.StartsWith($"{Path.Combine(Backup, "manifest.json")} is not a valid manifest: ", ManifestVerifier.Verify(Backup).Problem, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private async Task<BackupManifest> MakeAsync()
    {
        using var live = BackupFiles.Live(_dir.Combine("dashboard.db"));
        return await BackupFiles.BackupAsync(Backup, _dir.Combine("dashboard.db"));
    }

    private void Edit(Action<JsonNode> change)
    {
        var path = Path.Combine(Backup, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }
}
