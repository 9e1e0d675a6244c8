using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Frames;
using LiveRoom.Probe.Tests.Obs;
using LiveRoom.Probe.Vision;
using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Tests.Vision;

public sealed class VisionMonitorTests
{
    private static readonly Reference Reference = new StudioScene().ToReference();

    private static RecordingPointSink Run(StudioScene scene, int frames = 4, Reference? reference = null, bool noReference = false)
    {
        var sink = new RecordingPointSink();
        var monitor = new VisionMonitor(sink, new VisionOptions(), noReference ? null : reference ?? Reference);
        var raw = scene.Render();
        for (var i = 1; i <= frames; i++)
        {
            monitor.OnFrame(FrameOf(raw, i));
        }

        return sink;
    }

    private static Frame FrameOf(byte[] raw, long sequence)
    {
        var frame = new Frame(StudioScene.Width, StudioScene.Height);
        raw.CopyTo(frame.Raw, 0);
        frame.Sequence = sequence;
        frame.Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(sequence);
        return frame;
    }

    private static MetricPoint LastVision(RecordingPointSink sink) => sink.Points.Last(p => p.Kind == MetricKind.Vision);

    [Fact]
    public void OnFrame_ReferenceScene_RaisesNothing()
    {
        var sink = Run(new StudioScene());

        Assert.Empty(sink.EventTypes);
        var v = LastVision(sink);
        Assert.True(v.Fields[VisionFields.Commissioned].Boolean);
        Assert.True(v.Fields[VisionFields.FramingMatched].Boolean);
        Assert.Equal("neutral", v.Fields[VisionFields.CastText].Text);
    }

    [Fact]
    public void OnFrame_HostMovesInSeat_NoFramingDrift()
    {
        var sink = new RecordingPointSink();
        var monitor = new VisionMonitor(sink, new VisionOptions(), Reference);
        for (var i = 1; i <= 6; i++)
        {
            monitor.OnFrame(FrameOf(new StudioScene { HostX = 0.42 + (0.03 * i) }.Render(), i));
        }

        Assert.DoesNotContain(VisionFields.FramingDrift, sink.EventTypes);
        Assert.Equal(6, sink.Points.Count(p => p.Kind == MetricKind.Vision));
    }

    [Fact]
    public void OnFrame_ShiftedCamera_RaisesFramingDriftAfterPersistence()
    {
        var sink = Run(new StudioScene { ShiftX = 0.05 }, frames: 2);
        Assert.DoesNotContain(VisionFields.FramingDrift, sink.EventTypes);

        sink = Run(new StudioScene { ShiftX = 0.05 }, frames: 3);
        var drift = sink.Points.Single(p => p.Kind == MetricKind.Event);
        Assert.Equal(VisionFields.FramingDrift, drift.Fields[EventFields.Type].Text);
        Assert.True(drift.Fields[EventFields.Active].Boolean);
        Assert.InRange(LastVision(sink).Fields[VisionFields.ShiftX].Number, 4, 6);
    }

    [Fact]
    public void OnFrame_TwoStopsDarker_RaisesTooDarkAndLightChanged()
    {
        var sink = Run(new StudioScene { Gain = 0.25 });

        Assert.Contains(VisionFields.TooDark, sink.EventTypes);
        Assert.Contains(VisionFields.LightChanged, sink.EventTypes);
        Assert.InRange(LastVision(sink).Fields[VisionFields.LightChangeStops].Number, -2.3, -1.7);
        Assert.DoesNotContain(VisionFields.OutOfFocus, sink.EventTypes);
        Assert.DoesNotContain(VisionFields.FramingDrift, sink.EventTypes);
    }

    [Fact]
    public void OnFrame_BlurredLens_RaisesOutOfFocusOnly()
    {
        var sink = Run(new StudioScene { Blur = 3 });

        var ratio = LastVision(sink).Fields[VisionFields.SharpnessRatio].Number;
        Assert.True(ratio < 0.6, $"sharpness ratio {ratio}");
        Assert.Equal([VisionFields.OutOfFocus], sink.EventTypes);
    }

    [Fact]
    public void OnFrame_BlueTint_RaisesColourCast()
    {
        var sink = Run(new StudioScene { TintCb = 14, TintCr = -2 });

        var cast = sink.Points.Single(p => p.Kind == MetricKind.Event && p.Fields[EventFields.Type].Text == VisionFields.ColourCast);
        Assert.Contains("too blue", cast.Fields[EventFields.Message].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnFrame_DimmedSeat_RaisesSeatNotLit()
    {
        var sink = Run(new StudioScene { SeatLight = 0.6 });

        Assert.Contains(VisionFields.SeatNotLit, sink.EventTypes);
        Assert.True(LastVision(sink).Fields[VisionFields.SeatRatio].Number < 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(128)]
    [InlineData(255)]
    public void OnFrame_UniformFrame_CameraBlockedAndNoNaN(byte luma)
    {
        var raw = new byte[Frame.ByteCount(StudioScene.Width, StudioScene.Height)];
        Array.Fill(raw, luma, 0, StudioScene.Width * StudioScene.Height);
        Array.Fill(raw, (byte)128, StudioScene.Width * StudioScene.Height, StudioScene.Width * StudioScene.Height / 2);
        var sink = new RecordingPointSink();
        var monitor = new VisionMonitor(sink, new VisionOptions(), Reference);

        for (var i = 1; i <= 3; i++)
        {
            monitor.OnFrame(FrameOf(raw, i));
        }

        Assert.Equal([VisionFields.CameraBlocked], sink.EventTypes);
        Assert.All(sink.Points.SelectMany(p => p.Fields.Values), f => Assert.True(f.Type != FieldType.Number || double.IsFinite(f.Number)));
        Assert.True(LastVision(sink).Fields[VisionFields.Blocked].Boolean);
    }

    [Fact]
    public void OnFrame_NoReference_NotCommissionedAndNoFramingVerdict()
    {
        var sink = Run(new StudioScene { ShiftX = 0.05 }, noReference: true);

        var v = LastVision(sink);
        Assert.False(v.Fields[VisionFields.Commissioned].Boolean);
        Assert.StartsWith("not commissioned", v.Fields[VisionFields.ReferenceProblem].Text, StringComparison.Ordinal);
        Assert.False(v.Fields.ContainsKey(VisionFields.ShiftX));
        Assert.True(v.Fields[VisionFields.LumaMean].Number > 50);
        Assert.Empty(sink.EventTypes);
    }

    [Fact]
    public void OnFrame_CameraSwapped_RaisesFramingDrift()
    {
        var sink = Run(new StudioScene { Seed = 7 });

        var drift = sink.Points.Single(p => p.Kind == MetricKind.Event && p.Fields[EventFields.Type].Text == VisionFields.FramingDrift);
        Assert.Contains("does not match", drift.Fields[EventFields.Message].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnFrame_ProblemGone_RecoversAfterPersistence()
    {
        var sink = new RecordingPointSink();
        var monitor = new VisionMonitor(sink, new VisionOptions(), Reference);
        var dark = new StudioScene { Gain = 0.25 }.Render();
        var lit = new StudioScene().Render();
        for (var i = 1; i <= 3; i++)
        {
            monitor.OnFrame(FrameOf(dark, i));
        }

        monitor.OnFrame(FrameOf(lit, 4));
        monitor.OnFrame(FrameOf(dark, 5));
        for (var i = 6; i <= 8; i++)
        {
            monitor.OnFrame(FrameOf(lit, i));
        }

        var tooDark = sink.Points.Where(p => p.Kind == MetricKind.Event && p.Fields[EventFields.Type].Text == VisionFields.TooDark).ToList();
        Assert.Equal(2, tooDark.Count);
        Assert.False(tooDark[1].Fields[EventFields.Active].Boolean);
        Assert.Equal(5, tooDark[1].Fields[EventFields.Duration].Number);
    }
}
