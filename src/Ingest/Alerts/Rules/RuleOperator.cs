namespace LiveRoom.Ingest.Alerts.Rules;

/// <summary>How a rule compares a field with its threshold.</summary>
public enum RuleOperator
{
    /// <summary>value &lt; threshold fires; recovers at value &gt;= threshold + hysteresis.</summary>
    Below,

    /// <summary>value &gt; threshold fires; recovers at value &lt;= threshold − hysteresis.</summary>
    Above,

    /// <summary>A boolean field that is true fires (black, frozen, clipping…).</summary>
    IsTrue,

    /// <summary>A boolean field that is false fires (stream <c>up</c>, audio <c>present</c>).</summary>
    IsFalse,

    /// <summary>An event point of <see cref="AlertRule.EventType"/> fires; <c>active=false</c> or <see cref="AlertRule.ClearEventType"/> recovers.</summary>
    Event,

    /// <summary>The edge's retained <c>status</c> is <c>offline</c> (also its last will).</summary>
    Offline,

    /// <summary>No point of <see cref="AlertRule.Kind"/> arrived for <see cref="AlertRule.Threshold"/> seconds (data gap).</summary>
    Absent,
}
