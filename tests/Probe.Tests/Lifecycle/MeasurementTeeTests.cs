using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Probe.Tests.Obs;

namespace LiveRoom.Probe.Tests.Lifecycle;

/// <summary>The tee in front of the outbox: forwards every point unchanged and keeps the newest values and active events.</summary>
public sealed class MeasurementTeeTests
{
    private readonly RecordingPointSink _outbox = new();

    private static MetricPoint Point(string kind, long ts, params (string Key, FieldValue Value)[] fields) =>
        new() { Seq = 0, Ts = ts, Kind = kind, Fields = fields.ToDictionary(f => f.Key, f => f.Value) };

    [Fact]
    public void Append_Points_ForwardedUnchangedAndNewestValueKeptPerKindAndField()
    {
        var tee = new MeasurementTee(_outbox);
        var first = Point(MetricKind.Stream, 1000, ("fps", 25.0), ("up", true));
        tee.Append(first);
        tee.Append(Point(MetricKind.Stream, 2000, ("fps", 29.97)));
        tee.Append(Point(MetricKind.Stream, 1500, ("fps", 12.0)));
        tee.Append(Point(MetricKind.Host, 2000, ("fps", 1.0)));

        Assert.Same(first, _outbox.Points[0]);
        Assert.Equal(4, _outbox.Points.Count);
        var m = tee.Snapshot();
        Assert.Equal(29.97, m.Number(MetricKind.Stream, "fps"));
        Assert.True(m.Boolean(MetricKind.Stream, "up"));
        Assert.Null(m.Number(MetricKind.Stream, "fps", notBefore: 2001));
        Assert.Equal(1.0, m.Number(MetricKind.Host, "fps"));
    }

    [Fact]
    public void Append_Events_ActiveUntilRecoveredAndOneOffsRemembered()
    {
        var tee = new MeasurementTee(_outbox);
        tee.Append(Point(MetricKind.Event, 1000, (EventFields.Type, EventTypes.Frozen), (EventFields.Active, true), (EventFields.Message, "still 6 s")));
        tee.Append(Point(MetricKind.Event, 1100, (EventFields.Type, EventTypes.StreamStalled), (EventFields.Message, "no packets for 5 s")));
        var m = tee.Snapshot();
        Assert.Equal("still 6 s", Assert.Single(m.Active).Message);
        Assert.Equal(EventTypes.StreamStalled, Assert.Single(m.OneOff).Type);

        tee.Append(Point(MetricKind.Event, 2000, (EventFields.Type, EventTypes.Frozen), (EventFields.Active, false)));
        Assert.Empty(tee.Snapshot().Active);
        Assert.NotEmpty(m.Active);
    }

    [Fact]
    public void Append_ChecklistPoints_ForwardedButNotMeasurements()
    {
        var tee = new MeasurementTee(_outbox);
        tee.Append(Point(MetricKind.Checklist, 1000, (ChecklistFields.Status, "pass")));
        Assert.Single(_outbox.Points);
        Assert.Null(tee.Snapshot().Text(MetricKind.Checklist, ChecklistFields.Status));
    }
}
