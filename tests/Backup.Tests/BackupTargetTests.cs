using LiveRoom.Backup;
using LiveRoom.Testing;

namespace LiveRoom.Backup.Tests;

/// <summary>A backup goes into a new or empty, writable directory, and a failed one leaves nothing behind.</summary>
public sealed class BackupTargetTests : IDisposable
{
    private readonly TempDirectory _dir = new("backup-target");

    [Fact]
    public void Prepare_Missing_CreatedAndDiscardRemovesIt()
    {
        var target = BackupTarget.Prepare(_dir.Combine("new", "b"), out var problem);

        Assert.Null(problem);
        Assert.True(Directory.Exists(_dir.Combine("new", "b")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Combine("new", "b")));
        File.WriteAllText(_dir.Combine("new", "b", "part"), "x");
        target!.Discard();
        Assert.False(Directory.Exists(_dir.Combine("new", "b")));
    }

    [Fact]
    public void Prepare_EmptyExisting_AcceptedAndDiscardKeepsTheDirectory()
    {
        Directory.CreateDirectory(_dir.Combine("empty"));

        var target = BackupTarget.Prepare(_dir.Combine("empty"), out _);
        Directory.CreateDirectory(_dir.Combine("empty", "store"));
        File.WriteAllText(_dir.Combine("empty", "store", "dashboard.db"), "x");
        target!.Discard();

        Assert.True(Directory.Exists(_dir.Combine("empty")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Combine("empty")));
    }

    [Fact]
    public void Prepare_NotEmpty_RefusedNamingAnEntryAndUntouched()
    {
        File.WriteAllText(_dir.Combine("notes.txt"), "keep me");

        var target = BackupTarget.Prepare(_dir.Path, out var problem);

        Assert.Null(target);
        Assert.Equal($"{_dir.Path} is not empty (it holds notes.txt, ...): a backup goes into a new or empty directory, so it never mixes with another", problem);
        Assert.Equal("keep me", File.ReadAllText(_dir.Combine("notes.txt")));
    }

    [Fact]
    public void Prepare_IsAFile_Refused()
    {
        File.WriteAllText(_dir.Combine("file"), string.Empty);

        Assert.Null(BackupTarget.Prepare(_dir.Combine("file"), out var problem));
        Assert.Equal($"{_dir.Combine("file")} is a file; give a new or empty directory", problem);
    }

    [Fact]
    public void Prepare_CannotBeCreated_RefusedAsNotWritable()
    {
        // Under a file: refused for every user, root included (a read-only mode would not stop root).
        File.WriteAllText(_dir.Combine("file"), string.Empty);

        Assert.Null(BackupTarget.Prepare(_dir.Combine("file", "b"), out var problem));
        Assert.StartsWith($"{_dir.Combine("file", "b")} cannot be created or written: ", problem, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
