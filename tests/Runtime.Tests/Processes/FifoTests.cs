using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Runtime.Tests.Processes;

public sealed class FifoTests : IDisposable
{
    private readonly TempDirectory _dir = new("fifo");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Create_MakesAFifoWithTheMode()
    {
        var path = _dir.Combine("packets");

        Fifo.Create(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var stat = await ProcessRunner.RunAsync("stat", ["-c", "%F %a", path], TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal("fifo 600", stat.Stdout.Trim());
    }

    [Fact]
    public void Create_MissingDirectory_NamesThePathAndTheReason()
    {
        var path = _dir.Combine("gone", "packets");

        var ex = Assert.Throws<IOException>(() => Fifo.Create(path, UnixFileMode.UserRead | UnixFileMode.UserWrite));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AlreadyThere_Refused()
    {
        var path = _dir.Combine("log");
        Fifo.Create(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var ex = Assert.Throws<IOException>(() => Fifo.Create(path, UnixFileMode.UserRead | UnixFileMode.UserWrite));

        Assert.Contains("exists", ex.Message, StringComparison.Ordinal);
    }
}
