using System.Text;
using LiveRoom.Ingest.Spill;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Ingest.Writing;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Spill;

public sealed class SpillBufferTests : IDisposable
{
    private readonly TempDirectory _dir = new("spill");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Append_ThenPeek_ReturnsRecordsInOrderWithRanges()
    {
        using var spill = new SpillBuffer(_dir.Path, 1024 * 1024);
        spill.Append(Batches.Create(1, 10));
        spill.Append(Batches.Create(11, 5));
        var read = new WriteBatch();

        Assert.True(spill.TryPeek(read));
        Assert.Equal(10, read.LineCount);
        Assert.Equal(new SeqRange(Batches.Edge, 1, 10), Assert.Single(read.Ranges));
        spill.RemoveHead();
        Assert.True(spill.TryPeek(read));
        Assert.Equal(new SeqRange(Batches.Edge, 11, 15), Assert.Single(read.Ranges));
        Assert.Equal(Encoding.UTF8.GetString(Batches.Create(11, 5).Lines.Span), Encoding.UTF8.GetString(read.Lines.Span));
        spill.RemoveHead();

        Assert.False(spill.TryPeek(read));
        Assert.True(spill.IsEmpty);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Open_AfterRestart_DrainsWhatWasLeft()
    {
        using (var spill = new SpillBuffer(_dir.Path, 1024 * 1024))
        {
            spill.Append(Batches.Create(1, 3));
            spill.Append(Batches.Create(4, 3));
            var read = new WriteBatch();
            Assert.True(spill.TryPeek(read));
            spill.RemoveHead();
        }

        using var reopened = new SpillBuffer(_dir.Path, 1024 * 1024);
        var batch = new WriteBatch();

        // The drained record comes again (its points overwrite themselves in InfluxDB), then the rest.
        Assert.Equal(2, reopened.Pending);
        Assert.True(reopened.TryPeek(batch));
        Assert.Equal(1, batch.Ranges[0].From);
        reopened.RemoveHead();
        Assert.True(reopened.TryPeek(batch));
        Assert.Equal(4, batch.Ranges[0].From);
    }

    [Fact]
    public void Append_BeyondSegmentSize_RollsOverAndDrainsAcrossSegments()
    {
        using var spill = new SpillBuffer(_dir.Path, 1);
        for (var i = 0; i < 5; i++)
        {
            spill.Append(Batches.Create((i * 10) + 1, 10));
        }

        Assert.Equal(5, Directory.GetFiles(_dir.Path).Length);
        var read = new WriteBatch();
        var firsts = new List<long>();
        while (spill.TryPeek(read))
        {
            firsts.Add(read.Ranges[0].From);
            spill.RemoveHead();
        }

        Assert.Equal([1, 11, 21, 31, 41], firsts);
    }

    [Fact]
    public void Open_TornTail_IsIgnoredAndNewAppendsStillDrain()
    {
        using (var spill = new SpillBuffer(_dir.Path, 1024 * 1024))
        {
            spill.Append(Batches.Create(1, 3));
        }

        var segment = Directory.GetFiles(_dir.Path).Single();
        var record = File.ReadAllBytes(segment);
        File.WriteAllBytes(segment, [.. record, .. record.AsSpan(0, record.Length / 2)]);

        using var reopened = new SpillBuffer(_dir.Path, 1024 * 1024);
        reopened.Append(Batches.Create(100, 2));
        var read = new WriteBatch();
        var firsts = new List<long>();
        while (reopened.TryPeek(read))
        {
            firsts.Add(read.Ranges[0].From);
            reopened.RemoveHead();
        }

        Assert.Equal([1, 100], firsts);
    }
}
