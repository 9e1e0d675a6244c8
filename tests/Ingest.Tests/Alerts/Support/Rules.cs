using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Tests.Alerts.Support;

internal static class TestRules
{
    public static AlertRule Fps(TimeSpan? @for = null, RuleApplies applies = RuleApplies.WhileInUse, AlertSeverity severity = AlertSeverity.Warning) => new()
    {
        Id = "fps_low", Title = "Frame rate below 30 fps", Kind = MetricKind.Stream, Field = MetricKind.StreamFields.Fps, Operator = RuleOperator.Below,
        Threshold = 29.5, Hysteresis = 0.3, For = @for ?? TimeSpan.FromSeconds(10), Severity = severity, Applies = applies,
    };

    public static AlertRule SiteUplink() => new()
    {
        Id = "site_uplink_down", Title = "Site uplink down", Kind = MetricKind.Network, Field = "uplink_mbps", Operator = RuleOperator.Below,
        Threshold = 1, For = TimeSpan.Zero, Severity = AlertSeverity.Critical, Applies = RuleApplies.Always, Inhibits = InhibitScope.Site,
    };

    public static AlertRule Offline() => DefaultRules.All.Single(r => r.Id == "edge_offline") with { For = TimeSpan.Zero };
}
