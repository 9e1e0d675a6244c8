namespace LiveRoom.Contracts.Payloads;

/// <summary>Field names of <see cref="MetricKind.Event"/> points.</summary>
public static class EventFields
{
    /// <summary>One of <see cref="EventTypes"/> (also a tag).</summary>
    public const string Type = "type";

    /// <summary>Human-readable explanation.</summary>
    public const string Message = "message";

    /// <summary>The measured value that triggered the event (unit as the metric's).</summary>
    public const string Value = "value";

    /// <summary>The threshold it was compared with.</summary>
    public const string Threshold = "threshold";

    /// <summary>True when a condition starts, false when it recovers.</summary>
    public const string Active = "active";

    /// <summary>Seconds the condition lasted (on recovery).</summary>
    public const string Duration = "duration_s";

    /// <summary>Points dropped by a full outbox.</summary>
    public const string Dropped = "dropped";
}
