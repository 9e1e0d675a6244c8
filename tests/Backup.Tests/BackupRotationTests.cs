using LiveRoom.Backup;
using LiveRoom.Testing;

namespace LiveRoom.Backup.Tests;

/// <summary><c>backup --under DIR --keep N</c>: dated directories named from the clock in UTC, the newest N whole ones of the program's own prefix kept.</summary>
public sealed class BackupRotationTests : IDisposable
{
    private readonly TempDirectory _dir = new("backup-rotation");

    [Fact]
    public void DatedName_LocalOffset_UtcStamp() =>
        Assert.Equal("liveroom-20261122T060000Z", BackupRotation.DatedName("liveroom-", BackupFiles.Now.ToOffset(TimeSpan.FromHours(8))));

    [Fact]
    public void Prune_KeepTwo_RemovesOlderCompleteOnesAndLeftoversOnly()
    {
        foreach (var day in new[] { 18, 19, 20, 21 })
        {
            BackupFiles.Write(_dir.Path, $"liveroom-202611{day}T030000Z/manifest.json", "{}");
        }

        BackupFiles.Write(_dir.Path, "liveroom-20261120T120000Z/store/dashboard.db", "killed midway, no manifest");
        BackupFiles.Write(_dir.Path, "liveroom-manual/manifest.json", "{}");
        BackupFiles.Write(_dir.Path, "notes/readme.txt", "not ours");
        BackupFiles.Write(_dir.Path, "liveroom-ingest-20261101T030000Z/manifest.json", "{}"); // the collector's: another prefix
        var current = _dir.Combine("liveroom-20261122T030000Z");
        BackupFiles.Write(_dir.Path, "liveroom-20261122T030000Z/manifest.json", "{}");

        var removed = BackupRotation.Prune(_dir.Path, "liveroom-", 2, current);

        Assert.Equal(
            ["liveroom-20261118T030000Z", "liveroom-20261119T030000Z", "liveroom-20261120T030000Z", "liveroom-20261120T120000Z"],
            removed.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["liveroom-20261121T030000Z", "liveroom-20261122T030000Z", "liveroom-ingest-20261101T030000Z", "liveroom-manual", "notes"],
            Directory.GetDirectories(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lock_SecondTakerInTheSameDirectory_Refused()
    {
        using var first = BackupLock.Take(_dir.Path);

        var ex = Assert.Throws<BackupException>(() => BackupLock.Take(_dir.Path));

        Assert.StartsWith($"another backup is running under {_dir.Path}", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
