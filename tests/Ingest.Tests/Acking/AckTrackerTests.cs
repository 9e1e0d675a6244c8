using LiveRoom.Ingest.Acking;
using LiveRoom.Ingest.Writing;

namespace LiveRoom.Ingest.Tests.Acking;

public sealed class AckTrackerTests
{
    private static readonly EdgeKey Edge = new("s1", "r1", "e1");

    private static SeqRange[] Range(long from, long to) => [new(Edge, from, to)];

    [Fact]
    public void MarkStored_InOrder_AdvancesContiguous()
    {
        var tracker = new AckTracker(1000);

        tracker.MarkStored(Range(1, 10));
        tracker.MarkStored(Range(11, 20));

        Assert.Equal(20, tracker.Contiguous(Edge));
    }

    [Fact]
    public void MarkStored_Gap_StopsBeforeTheGapUntilItCloses()
    {
        var tracker = new AckTracker(1000);

        tracker.MarkStored(Range(1, 10));
        tracker.MarkStored(Range(15, 20));
        Assert.Equal(10, tracker.Contiguous(Edge));

        tracker.MarkStored(Range(11, 14));
        Assert.Equal(20, tracker.Contiguous(Edge));
    }

    [Fact]
    public void MarkStored_OutOfOrderSingles_AdvanceWhenContiguous()
    {
        var tracker = new AckTracker(1000);

        foreach (var seq in new long[] { 3, 5, 2, 4 })
        {
            tracker.MarkStored(Range(seq, seq));
        }

        Assert.Equal(0, tracker.Contiguous(Edge));
        tracker.MarkStored(Range(1, 1));
        Assert.Equal(5, tracker.Contiguous(Edge));
    }

    [Fact]
    public void ObserveFloor_AboveContiguous_AdvancesToFloorMinusOne()
    {
        var tracker = new AckTracker(1000);

        tracker.ObserveFloor(Edge, 101);

        Assert.Equal(100, tracker.Contiguous(Edge));
    }

    [Fact]
    public void ObserveFloor_BelowContiguous_DoesNotGoBack()
    {
        var tracker = new AckTracker(1000);
        tracker.MarkStored(Range(1, 50));

        tracker.ObserveFloor(Edge, 10);

        Assert.Equal(50, tracker.Contiguous(Edge));
    }

    [Fact]
    public void ObserveFloor_ClosesGap_PicksUpStoredNumbersAboveIt()
    {
        var tracker = new AckTracker(1000);
        tracker.MarkStored(Range(1, 10));
        tracker.MarkStored(Range(21, 30));

        // The edge dropped 11..20 (outbox full) and reports floor 21.
        tracker.ObserveFloor(Edge, 21);

        Assert.Equal(30, tracker.Contiguous(Edge));
    }

    [Fact]
    public void ObserveFloor_AfterRestart_RebuildsFromFloor()
    {
        var tracker = new AckTracker(1000);

        tracker.ObserveFloor(Edge, 5001);
        tracker.MarkStored(Range(5001, 5100));

        Assert.Equal(5100, tracker.Contiguous(Edge));
    }

    [Fact]
    public void MarkStored_Duplicates_AreHarmless()
    {
        var tracker = new AckTracker(1000);
        tracker.MarkStored(Range(1, 10));

        tracker.MarkStored(Range(5, 8));
        tracker.MarkStored(Range(1, 10));

        Assert.Equal(10, tracker.Contiguous(Edge));
    }

    [Fact]
    public void MarkStored_WindowOverflow_ResetsAndReports()
    {
        var tracker = new AckTracker(1000);
        var overflowed = new List<EdgeKey>();
        tracker.WindowOverflow += overflowed.Add;

        tracker.MarkStored(Range(10, 900));
        tracker.MarkStored(Range(1000, 1200));
        tracker.MarkStored(Range(1, 9));

        Assert.Equal([Edge], overflowed);
        Assert.Equal(9, tracker.Contiguous(Edge));
    }

    [Fact]
    public void TakeChanged_ReturnsEachChangedEdgeOnce()
    {
        var tracker = new AckTracker(1000);
        var other = Edge with { Edge = "e2" };
        tracker.MarkStored([new(Edge, 1, 3), new(other, 1, 1)]);

        var first = tracker.TakeChanged();
        var second = tracker.TakeChanged();

        Assert.Equal(2, first.Count);
        Assert.Contains(new KeyValuePair<EdgeKey, long>(Edge, 3), first);
        Assert.Empty(second);
    }

    [Fact]
    public void MarkStored_ReSentStoredPoints_MarksTheEdgeChangedAgain()
    {
        var tracker = new AckTracker(1000);
        tracker.MarkStored(Range(1, 10));
        tracker.TakeChanged();

        tracker.MarkStored(Range(3, 4));

        Assert.Equal(new KeyValuePair<EdgeKey, long>(Edge, 10), Assert.Single(tracker.TakeChanged()));
    }

    [Fact]
    public void MarkAllChanged_AfterReconnect_RepublishesEveryEdge()
    {
        var tracker = new AckTracker(1000);
        tracker.MarkStored([new(Edge, 1, 3), new(Edge with { Room = "r2" }, 1, 5)]);
        tracker.TakeChanged();

        tracker.MarkAllChanged();

        Assert.Equal(2, tracker.TakeChanged().Count);
    }

    [Fact]
    public void Contiguous_UnknownEdge_IsNull() => Assert.Null(new AckTracker(1000).Contiguous(Edge));
}
