namespace LiveRoom.Ingest.Alerts.Rules;

/// <summary>When a rule applies (issue 7 item 1: not an empty room at 3 a.m.).</summary>
public enum RuleApplies
{
    /// <summary>Always.</summary>
    Always,

    /// <summary>Only while the room is booked, in pre-show or live.</summary>
    WhileInUse,

    /// <summary>Only while the room is live.</summary>
    WhileLive,
}
