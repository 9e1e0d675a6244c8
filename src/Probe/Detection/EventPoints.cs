using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.Detection;

/// <summary>Builds <c>event</c> points: tag and field <c>type</c>, fields message, value, threshold, active, duration_s.</summary>
internal static class EventPoints
{
    public static MetricPoint Create(string type, long ts, string? message = null, double? value = null, double? threshold = null, bool? active = null, double? duration = null)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [EventFields.Type] = type };
        if (!string.IsNullOrEmpty(message))
        {
            fields[EventFields.Message] = message.Length > Limits.MaxStringFieldLength ? message[..Limits.MaxStringFieldLength] : message;
        }

        Add(fields, EventFields.Value, value);
        Add(fields, EventFields.Threshold, threshold);
        Add(fields, EventFields.Duration, duration is { } d ? Math.Round(d, 3) : null);
        if (active is { } a)
        {
            fields[EventFields.Active] = a;
        }

        return new MetricPoint
        {
            Seq = 0,
            Ts = ts,
            Kind = MetricKind.Event,
            Fields = fields,
            Tags = new Dictionary<string, string>(StringComparer.Ordinal) { [EventFields.Type] = type },
        };
    }

    private static void Add(Dictionary<string, FieldValue> fields, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            fields[name] = Math.Round(v, 3);
        }
    }
}
