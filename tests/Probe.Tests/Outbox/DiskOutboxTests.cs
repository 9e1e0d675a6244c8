using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Outbox;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.Outbox.OutboxTestData;

namespace LiveRoom.Probe.Tests.Outbox;

public sealed class DiskOutboxTests : IDisposable
{
    private readonly TempDirectory _dir = new("outbox");
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Append_NewOutbox_AssignsSequenceFromOne()
    {
        using var outbox = Open(_dir, _time);

        var stored = Enumerable.Range(0, 3).Select(i => outbox.Append(Point(1000 + i, i))).ToList();

        Assert.Equal([1L, 2L, 3L], stored.Select(p => p.Seq));
        Assert.Equal(4, outbox.NextSeq);
        Assert.Equal(1, outbox.Floor);
    }

    [Fact]
    public void Read_BeforeGroupCommit_ReturnsNothing_AfterTimerTick_ReturnsPointsInOrder()
    {
        using var outbox = Open(_dir, _time);
        for (var i = 0; i < 5; i++)
        {
            outbox.Append(Point(1000 + i, i));
        }

        Assert.Empty(outbox.Read(1, 100, int.MaxValue));

        _time.Advance(TimeSpan.FromSeconds(1));

        var read = outbox.Read(1, 100, int.MaxValue);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], read.Select(p => p.Point.Seq));
        Assert.Equal([0.0, 1, 2, 3, 4], read.Select(p => p.Point.Fields["value"].Number));
        Assert.Equal(1004, read[^1].Point.Ts);
    }

    [Fact]
    public void Read_WithPointAndByteLimits_ReturnsBoundedPagesThatResume()
    {
        using var outbox = Open(_dir, _time);
        for (var i = 0; i < 10; i++)
        {
            outbox.Append(Point(i, i));
        }

        outbox.Sync();

        var first = outbox.Read(1, 4, int.MaxValue);
        var second = outbox.Read(5, 100, first[0].JsonBytes * 3);
        var oneEvenIfLarge = outbox.Read(8, 100, 1);

        Assert.Equal([1L, 2L, 3L, 4L], first.Select(p => p.Point.Seq));
        Assert.Equal([5L, 6L, 7L], second.Select(p => p.Point.Seq));
        Assert.Equal([8L], oneEvenIfLarge.Select(p => p.Point.Seq));
    }

    [Fact]
    public void Acknowledge_TrimsFloorAndDeletesFullyAckedSegments()
    {
        using var outbox = Open(_dir, _time, segmentBytes: 4096);
        for (var i = 0; i < 200; i++)
        {
            outbox.Append(Point(i, i));
        }

        outbox.Sync();
        var segmentsBefore = outbox.SegmentCount;

        Assert.True(outbox.Acknowledge(150));
        Assert.False(outbox.Acknowledge(100));

        Assert.Equal(151, outbox.Floor);
        Assert.True(outbox.SegmentCount < segmentsBefore, $"{outbox.SegmentCount} segments after ack, {segmentsBefore} before");
        Assert.Equal(Enumerable.Range(151, 50).Select(i => (long)i), ReadAll(outbox).Select(p => p.Seq));
    }

    [Fact]
    public void Acknowledge_BeyondLastSeq_IsClamped()
    {
        using var outbox = Open(_dir, _time);
        outbox.Append(Point(1));

        outbox.Acknowledge(1_000);

        Assert.Equal(1, outbox.Acked);
        Assert.Equal(2, outbox.Floor);
        Assert.Equal(2, outbox.Append(Point(2)).Seq);
    }

    [Fact]
    public void Open_AfterDispose_KeepsIdentitySequenceAckAndPoints()
    {
        string edge;
        using (var outbox = Open(_dir, _time, segmentBytes: 4096))
        {
            edge = outbox.EdgeId;
            for (var i = 0; i < 100; i++)
            {
                outbox.Append(Point(i, i));
            }

            outbox.Sync();
            outbox.Acknowledge(40);
        }

        using var reopened = Open(_dir, _time, segmentBytes: 4096);

        Assert.Equal(edge, reopened.EdgeId);
        Assert.Equal(40, reopened.Acked);
        Assert.Equal(41, reopened.Floor);
        Assert.Equal(101, reopened.Append(Point(100)).Seq);
        reopened.Sync();
        Assert.Equal(Enumerable.Range(41, 61).Select(i => (long)i), ReadAll(reopened).Select(p => p.Seq));
    }

    [Fact]
    public void Open_NewDirectories_GetDifferentIdentities()
    {
        using var other = new TempDirectory("outbox");
        using var a = Open(_dir, _time);
        using var b = DiskOutbox.Open(new OutboxOptions { Directory = other.Path }, _time);

        Assert.NotEqual(a.EdgeId, b.EdgeId);
        Assert.Matches("^[0-9a-f]{16}$", a.EdgeId);
    }

    [Fact]
    public void Open_AlreadyOpen_ThrowsOutboxExceptionSayingInUse()
    {
        using var first = Open(_dir, _time);

        var ex = Assert.Throws<OutboxException>(() => Open(_dir, _time));

        Assert.Contains("in use by another process", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AfterEverythingAckedAndSegmentsDeleted_ContinuesSequence()
    {
        using (var outbox = Open(_dir, _time, segmentBytes: 4096))
        {
            for (var i = 0; i < 100; i++)
            {
                outbox.Append(Point(i));
            }

            outbox.Sync();
            outbox.Acknowledge(100);
        }

        using var reopened = Open(_dir, _time, segmentBytes: 4096);

        Assert.Equal(101, reopened.Floor);
        Assert.Equal(101, reopened.Append(Point(101)).Seq);
    }

    [Fact]
    public void Append_WhenFull_DropsOldestSegmentsCountsAndReportsAnEvent()
    {
        const long max = 1L << 20;
        using var outbox = Open(_dir, _time, maxBytes: max);
        var big = new string('x', 2000);
        var n = 0;
        while (outbox.DroppedPoints == 0)
        {
            outbox.Append(Point(n++) with { Fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { ["s"] = big } });
            Assert.True(n < 10_000, "outbox never overflowed");
        }

        outbox.Sync();
        var remaining = ReadAll(outbox);

        Assert.True(outbox.SizeBytes <= max, $"{outbox.SizeBytes} bytes held, bound {max}");
        var overflow = Assert.Single(remaining, p => p.Kind == MetricKind.Event);
        Assert.Equal(DiskOutbox.OverflowEventType, overflow.Fields["type"].Text);
        Assert.Equal(outbox.DroppedPoints, (long)overflow.Fields["dropped"].Number);
        Assert.Equal(outbox.DroppedPoints + 1, outbox.Floor);
        Assert.Equal(Enumerable.Range((int)outbox.Floor, n + 1 - (int)outbox.DroppedPoints).Select(i => (long)i), remaining.Select(p => p.Seq));
    }

    [Fact]
    public void Append_WhenFull_AckedPointsAreNotCountedAsDropped()
    {
        const long max = 1L << 20;
        using var outbox = Open(_dir, _time, maxBytes: max);
        var big = new string('x', 2000);
        var n = 0;
        while (outbox.SizeBytes < max - 10_000)
        {
            outbox.Append(Point(n++) with { Fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { ["s"] = big } });
        }

        outbox.Sync();
        outbox.Acknowledge(outbox.NextSeq - 1);
        for (var i = 0; i < 100; i++)
        {
            outbox.Append(Point(n++) with { Fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { ["s"] = big } });
        }

        Assert.Equal(0, outbox.DroppedPoints);
        Assert.True(outbox.SizeBytes <= max);
    }
}
