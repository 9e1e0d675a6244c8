using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.Sinks;

/// <summary>Builds points for the collectors under Obs/, Network/ and HostHealth/.</summary>
public static class SinkPoints
{
    /// <summary>Field of an <c>event</c> point holding its type.</summary>
    public const string EventType = "type";

    /// <summary>Field of an <c>event</c> point holding a human-readable detail.</summary>
    public const string EventMessage = "message";

    /// <summary>A measurement point (Seq 0: the outbox assigns it).</summary>
    public static MetricPoint Measurement(string kind, long ts, Dictionary<string, FieldValue> fields) =>
        new() { Seq = 0, Ts = ts, Kind = kind, Fields = fields };

    /// <summary>An <c>event</c> point of <paramref name="type"/>, with an optional message (cut to the contract's limit).</summary>
    public static MetricPoint Event(string type, long ts, string? message = null)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [EventType] = type };
        if (!string.IsNullOrEmpty(message))
        {
            fields[EventMessage] = message.Length > Limits.MaxStringFieldLength ? message[..Limits.MaxStringFieldLength] : message;
        }

        return new MetricPoint { Seq = 0, Ts = ts, Kind = MetricKind.Event, Fields = fields };
    }

    /// <summary>Adds a number when it is present and finite (a field is omitted rather than NaN).</summary>
    public static void AddNumber(Dictionary<string, FieldValue> fields, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            fields[name] = v;
        }
    }
}
