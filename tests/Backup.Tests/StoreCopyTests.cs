using LiveRoom.Backup;
using LiveRoom.Testing;

namespace LiveRoom.Backup.Tests;

/// <summary>A store is copied with SQLite's online backup API while its program writes: one consistent snapshot, WAL included.</summary>
public sealed class StoreCopyTests : IDisposable
{
    private readonly TempDirectory _dir = new("backup-store");

    private string LivePath => _dir.Combine("live", "store.db");

    [Fact]
    public void Backup_WhileAWriteIsOpenAndTheWalHoldsCommits_CopiesExactlyTheCommittedState()
    {
        using var live = BackupFiles.Live(LivePath);
        using var open = live.BeginTransaction();
        BackupFiles.Execute(live, "INSERT INTO users (name) VALUES ('uncommitted')", open);

        StoreCopy.Backup(BackupFiles.Store(LivePath), _dir.Combine("copy.db"));
        open.Rollback();

        Assert.Equal(["chief"], BackupFiles.Users(_dir.Combine("copy.db")));
        // Why not a file copy: the committed row is still in store.db-wal, so the .db file alone lacks it.
        File.Copy(LivePath, _dir.Combine("file-copy.db"));
        Assert.Empty(BackupFiles.Users(_dir.Combine("file-copy.db")));
    }

    [Fact]
    public void Backup_Copy_IsOneFileInRollbackJournalMode()
    {
        using var live = BackupFiles.Live(LivePath);

        StoreCopy.Backup(BackupFiles.Store(LivePath), _dir.Combine("copy.db"));

        var header = File.ReadAllBytes(_dir.Combine("copy.db"))[18..20];
        Assert.Equal(new byte[] { 1, 1 }, header); // 2, 2 would be WAL mode (sqlite.org/fileformat.html, offset 18)
        Assert.Equal(["copy.db"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Backup_StoreMissing_ExceptionNamesTheFileAndTheKey()
    {
        var ex = Assert.Throws<BackupException>(() => StoreCopy.Backup(BackupFiles.Store(_dir.Combine("none.db")), _dir.Combine("copy.db")));

        Assert.Equal($"the test store {_dir.Combine("none.db")} does not exist (Test:Store:Path)", ex.Message);
        Assert.False(File.Exists(_dir.Combine("copy.db")));
    }

    [Fact]
    public void Restore_OverAnotherStore_ReplacesEveryRowAndKeepsWal()
    {
        using (BackupFiles.Live(LivePath))
        {
            StoreCopy.Backup(BackupFiles.Store(LivePath), _dir.Combine("copy.db"));
        }

        var other = _dir.Combine("other", "store.db");
        BackupFiles.Live(other, "someone-else").Dispose();

        StoreCopy.Restore(_dir.Combine("copy.db"), BackupFiles.Store(other));

        Assert.Equal(["chief"], BackupFiles.Users(other));
        var header = File.ReadAllBytes(other)[18..20];
        Assert.Equal(new byte[] { 2, 2 }, header);
    }

    [Fact]
    public void InUse_OpenByAnotherConnection_TrueAndFalseOnceClosed()
    {
        var live = BackupFiles.Live(LivePath);

        Assert.True(StoreCopy.InUse(LivePath));
        live.Dispose();
        Assert.False(StoreCopy.InUse(LivePath));
        Assert.Equal(["chief"], BackupFiles.Users(LivePath));
    }

    [Fact]
    public void InUse_Missing_False() => Assert.False(StoreCopy.InUse(_dir.Combine("none.db")));

    public void Dispose() => _dir.Dispose();
}
