namespace LiveRoom.Dashboard.Alerting;

/// <summary>Audit action names of alert settings changed through the dashboard (seed clause 4.5: every configuration change).</summary>
internal static class AlertingAuditActions
{
    public const string RuleSave = "alert-rule.save";
    public const string RuleDelete = "alert-rule.delete";
    public const string RotaSave = "rota.save";
    public const string SilenceCreate = "silence.create";
    public const string TestNotice = "alert-notice.test";
    public const string AlertAcknowledge = "alert.acknowledge";
    public const string AlertResolve = "alert.resolve";
}
