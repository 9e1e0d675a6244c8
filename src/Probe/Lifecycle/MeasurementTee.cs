using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Outbox;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// An <see cref="IMetricSink"/> decorator between every monitor and the outbox: forwards each point unchanged (the
/// outbox assigns its sequence number) and keeps, for the checklist and the room state, the newest value of every
/// (kind, field), which event conditions are active (<c>active</c> true until false), and when each one-off event
/// (no <c>active</c> field, e.g. <c>stream_stalled</c>) was last seen. Thread-safe.
/// </summary>
public sealed class MeasurementTee(IMetricSink inner) : IMetricSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, string Field), Measurement> _latest = [];
    private readonly Dictionary<string, ActiveEvent> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActiveEvent> _oneOff = new(StringComparer.Ordinal);

    public MetricPoint Append(MetricPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var stored = inner.Append(point);
        Record(point);
        return stored;
    }

    /// <summary>A copy of what is known now.</summary>
    public MeasurementSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new MeasurementSnapshot(
                new Dictionary<(string, string), Measurement>(_latest),
                [.. _active.Values],
                [.. _oneOff.Values]);
        }
    }

    private void Record(MetricPoint point)
    {
        // Checklist points are our own output, not a measurement.
        if (point.Kind == MetricKind.Checklist)
        {
            return;
        }

        lock (_gate)
        {
            if (point.Kind == MetricKind.Event)
            {
                RecordEvent(point);
                return;
            }

            foreach (var (field, value) in point.Fields)
            {
                // An older point (a replay, a late frame) never replaces a newer value.
                if (!_latest.TryGetValue((point.Kind, field), out var known) || known.Ts <= point.Ts)
                {
                    _latest[(point.Kind, field)] = new Measurement(value, point.Ts);
                }
            }
        }
    }

    private void RecordEvent(MetricPoint point)
    {
        if (!point.Fields.TryGetValue(EventFields.Type, out var type) || type.Text is not { Length: > 0 } name)
        {
            return;
        }

        var message = point.Fields.TryGetValue(EventFields.Message, out var m) ? m.Text ?? string.Empty : string.Empty;
        if (!point.Fields.TryGetValue(EventFields.Active, out var active) || active.Type != FieldType.Boolean)
        {
            _oneOff[name] = new ActiveEvent(name, message, point.Ts);
            return;
        }

        if (active.Boolean)
        {
            _active[name] = new ActiveEvent(name, message, point.Ts);
        }
        else
        {
            _active.Remove(name);
        }
    }
}
