namespace LiveRoom.Ingest.Alerts.Rules;

/// <summary>What a firing alert of a rule mutes: the alerts it explains (issue 7 item 2).</summary>
public enum InhibitScope
{
    None,

    /// <summary>Every other alert of the same room (edge offline).</summary>
    Room,

    /// <summary>Every other alert of the same site (site uplink down).</summary>
    Site,
}
