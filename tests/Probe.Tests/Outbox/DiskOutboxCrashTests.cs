using LiveRoom.Probe.Outbox;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.Outbox.OutboxTestData;

namespace LiveRoom.Probe.Tests.Outbox;

public sealed class DiskOutboxCrashTests : IDisposable
{
    private readonly TempDirectory _dir = new("outbox");
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    private string LastSegment() =>
        Directory.GetFiles(_dir.Path, "*.seg").Order(StringComparer.Ordinal).Last();

    private void WriteTen()
    {
        // Simulated crash: the instance is never disposed; only what reached the kernel is on disk.
        var outbox = Open(_dir, _time);
        for (var i = 1; i <= 10; i++)
        {
            outbox.Append(Point(i, i));
        }

        outbox.Sync();
        outbox.SimulateCrash();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(20)]
    public void Open_TruncatedTail_DropsTornRecordAndResumesAfterLastGood(int cut)
    {
        WriteTen();
        var path = LastSegment();
        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
        {
            file.SetLength(file.Length - cut);
        }

        using var outbox = Open(_dir, _time);
        var points = ReadAll(outbox);

        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), points.Select(p => p.Seq));
        Assert.Equal(10, outbox.Append(Point(99)).Seq);
    }

    [Fact]
    public void Open_CorruptByteInLastRecord_TruncatesAtThatRecord()
    {
        WriteTen();
        var path = LastSegment();
        var bytes = File.ReadAllBytes(path);
        bytes[^5] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        using var outbox = Open(_dir, _time);

        Assert.Equal(9, ReadAll(outbox).Count);
        Assert.Equal(10, outbox.NextSeq);
    }

    [Fact]
    public void Open_GarbageAppended_IsTruncatedAndNewAppendsAreReadable()
    {
        WriteTen();
        File.AppendAllText(LastSegment(), "\u0001\u0000\u0000\u0000garbage after a crash");

        using (var outbox = Open(_dir, _time))
        {
            outbox.Append(Point(11, 11));
        }

        using var reopened = Open(_dir, _time);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), ReadAll(reopened).Select(p => p.Seq));
    }

    [Fact]
    public void Open_CorruptMeta_ThrowsOutboxExceptionNamingTheFile()
    {
        WriteTen();
        File.WriteAllText(Path.Combine(_dir.Path, "outbox.meta"), "{not json");

        var ex = Assert.Throws<OutboxException>(() => Open(_dir, _time));

        Assert.Contains("outbox.meta", ex.Message, StringComparison.Ordinal);
    }
}
