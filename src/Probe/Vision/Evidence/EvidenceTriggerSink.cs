using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Outbox;

namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>
/// Passes every point on to <paramref name="inner"/> and asks the recorder for a thumbnail when a vision event or a
/// picture black/frozen event starts, so a manager can see what the camera saw when the alert fired (issue 5 item 5).
/// </summary>
public sealed class EvidenceTriggerSink(IMetricSink inner, EvidenceRecorder recorder) : IMetricSink
{
    private static readonly HashSet<string> Triggers = new(StringComparer.Ordinal)
    {
        VisionEventTypes.FramingDrift, VisionEventTypes.CameraBlocked, VisionEventTypes.OutOfFocus, VisionEventTypes.TooDark,
        VisionEventTypes.Overexposed, VisionEventTypes.ColourCast, VisionEventTypes.SeatNotLit, VisionEventTypes.LightChanged,
        EventTypes.Black, EventTypes.Frozen,
    };

    public MetricPoint Append(MetricPoint point)
    {
        if (point.Kind == MetricKind.Event
            && point.Fields.TryGetValue(EventFields.Type, out var type) && type.Text is { } t && Triggers.Contains(t)
            && point.Fields.TryGetValue(EventFields.Active, out var active) && active.Boolean)
        {
            recorder.Trigger(t);
        }

        return inner.Append(point);
    }
}
