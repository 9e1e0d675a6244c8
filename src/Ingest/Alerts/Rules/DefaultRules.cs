using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Ingest.Alerts.Rules;

/// <summary>The rules shipped with the collector (seed 003 clauses 6.2.2.1, 6.2.2.2, 6.2.1.1, 7.4.4); admins edit them in the store.</summary>
public static class DefaultRules
{
    public static IReadOnlyList<AlertRule> All { get; } =
    [
        new() { Id = "stream_down", Title = "Stream down", Kind = MetricKind.Stream, Field = MetricKind.StreamFields.Up, Operator = RuleOperator.IsFalse, For = TimeSpan.FromSeconds(5), Severity = AlertSeverity.Critical },
        // 29.97 counts as 30 (clause 6.2.2.1): fire below 29.5, recover at 29.8.
        new() { Id = "fps_low", Title = "Frame rate below 30 fps", Kind = MetricKind.Stream, Field = MetricKind.StreamFields.Fps, Operator = RuleOperator.Below, Threshold = 29.5, Hysteresis = 0.3, For = TimeSpan.FromSeconds(10), Severity = AlertSeverity.Warning },
        new() { Id = "resolution_low", Title = "Resolution below 1080p", Kind = MetricKind.Stream, Field = MetricKind.StreamFields.Height, Operator = RuleOperator.Below, Threshold = 1080, For = TimeSpan.FromSeconds(10), Severity = AlertSeverity.Warning },
        new() { Id = "uplink_low", Title = "Uplink below 4 Mbit/s", Kind = MetricKind.Network, Field = "uplink_mbps", Operator = RuleOperator.Below, Threshold = 4, Hysteresis = 0.5, For = TimeSpan.FromSeconds(30), Severity = AlertSeverity.Warning },
        new() { Id = "audio_silent", Title = "Audio silent", Kind = MetricKind.Audio, Field = AudioFields.SilentSeconds, Operator = RuleOperator.Above, Threshold = 10, For = TimeSpan.Zero, Severity = AlertSeverity.Warning },
        new() { Id = "picture_black", Title = "Picture black", Kind = MetricKind.Vision, Field = PictureFields.Black, Operator = RuleOperator.IsTrue, For = TimeSpan.FromSeconds(5), Severity = AlertSeverity.Critical },
        new() { Id = "picture_frozen", Title = "Picture frozen", Kind = MetricKind.Vision, Field = PictureFields.Frozen, Operator = RuleOperator.IsTrue, For = TimeSpan.FromSeconds(5), Severity = AlertSeverity.Critical },
        new() { Id = "outbox_overflow", Title = "Edge outbox dropped points", Kind = MetricKind.Event, Operator = RuleOperator.Event, EventType = EventTypes.OutboxOverflow, Severity = AlertSeverity.Warning, Applies = RuleApplies.Always },
        new() { Id = "edge_offline", Title = "Edge offline", Kind = AlertKinds.Status, Operator = RuleOperator.Offline, For = TimeSpan.FromSeconds(30), Severity = AlertSeverity.Critical, Applies = RuleApplies.Always, Inhibits = InhibitScope.Room },
        // Vision (issue 5; seed 6.1.2 framing, 6.1.5 lighting): events from the edge's checks against the room's reference.
        new() { Id = "framing_drift", Title = "Camera framing drifted", Kind = MetricKind.Event, Operator = RuleOperator.Event, EventType = VisionEventTypes.FramingDrift, Severity = AlertSeverity.Warning },
        new() { Id = "camera_blocked", Title = "Camera blocked or covered", Kind = MetricKind.Event, Operator = RuleOperator.Event, EventType = VisionEventTypes.CameraBlocked, Severity = AlertSeverity.Critical },
        new() { Id = "out_of_focus", Title = "Camera out of focus", Kind = MetricKind.Event, Operator = RuleOperator.Event, EventType = VisionEventTypes.OutOfFocus, Severity = AlertSeverity.Warning },
        new() { Id = "too_dark", Title = "Picture too dark", Kind = MetricKind.Event, Operator = RuleOperator.Event, EventType = VisionEventTypes.TooDark, Severity = AlertSeverity.Warning },
        new() { Id = "overexposed", Title = "Picture overexposed", Kind = MetricKind.Event, Operator = RuleOperator.Event, EventType = VisionEventTypes.Overexposed, Severity = AlertSeverity.Warning },
        new() { Id = "colour_cast", Title = "Colour cast", Kind = MetricKind.Event, Operator = RuleOperator.Event, EventType = VisionEventTypes.ColourCast, Severity = AlertSeverity.Warning },
        new() { Id = "seat_not_lit", Title = "Host seat not lit above the background", Kind = MetricKind.Event, Operator = RuleOperator.Event, EventType = VisionEventTypes.SeatNotLit, Severity = AlertSeverity.Warning },
        // Pre-show checklist (issue 6; seed 7.4.3): not all-pass by T-10 min escalates. The edge's run point carries the flag.
        new() { Id = "checklist_not_ready", Title = "Pre-show checklist not passed at T-10 min", Kind = MetricKind.Checklist, Field = ChecklistFields.ReadyAtT10, Operator = RuleOperator.IsFalse, Severity = AlertSeverity.Critical },
        new() { Id = "data_gap", Title = "No stream metrics", Kind = MetricKind.Stream, Operator = RuleOperator.Absent, Threshold = 30, Severity = AlertSeverity.Warning, Applies = RuleApplies.WhileInUse },
    ];
}
