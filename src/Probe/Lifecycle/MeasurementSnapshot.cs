using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>What <see cref="MeasurementTee"/> knew at one moment: newest values, active conditions, last one-off events.</summary>
public sealed class MeasurementSnapshot(
    IReadOnlyDictionary<(string Kind, string Field), Measurement> latest,
    IReadOnlyList<ActiveEvent> active,
    IReadOnlyList<ActiveEvent> oneOff)
{
    public static readonly MeasurementSnapshot Empty = new(new Dictionary<(string, string), Measurement>(), [], []);

    public IReadOnlyList<ActiveEvent> Active => active;

    public IReadOnlyList<ActiveEvent> OneOff => oneOff;

    /// <summary>The newest value of (kind, field), when there is one no older than <paramref name="notBefore"/> (UTC Unix ms).</summary>
    public Measurement? Get(string kind, string field, long notBefore = long.MinValue) =>
        latest.TryGetValue((kind, field), out var m) && m.Ts >= notBefore ? m : null;

    public double? Number(string kind, string field, long notBefore = long.MinValue) =>
        Get(kind, field, notBefore) is { Value.Type: FieldType.Number } m ? m.Value.Number : null;

    public bool? Boolean(string kind, string field, long notBefore = long.MinValue) =>
        Get(kind, field, notBefore) is { Value.Type: FieldType.Boolean } m ? m.Value.Boolean : null;

    public string? Text(string kind, string field, long notBefore = long.MinValue) =>
        Get(kind, field, notBefore) is { Value.Type: FieldType.Text } m ? m.Value.Text : null;

    public bool IsActive(string type) => active.Any(a => a.Type == type);

    /// <summary>Whether the stream is up: the newest <c>stream.up</c>, if it is no older than <paramref name="notBefore"/>.</summary>
    public bool StreamUp(long notBefore) => Boolean(MetricKind.Stream, MetricKind.StreamFields.Up, notBefore) == true;
}
