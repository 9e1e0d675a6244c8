using LiveRoom.Ingest.Alerts.Lifecycle;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Alerts.Acknowledging;

/// <summary>Acknowledge / resolve through a signed link: the token names the alert, the person names themself.</summary>
public sealed class AlertAcknowledger(AlertEngine engine, AckTokenSigner signer, ILogger logger)
{
    public (TokenCheck Check, AlertSnapshot? Alert) Open(string? token)
    {
        var check = signer.Verify(token, out var id);
        if (check != TokenCheck.Valid)
        {
            AlertLog.TokenRefused(logger, check.ToString());
            return (check, null);
        }

        return (check, engine.Find(id));
    }

    public (TokenCheck Check, ActionResult Result) Acknowledge(string? token, string who, string? note) => Act(token, who, note, resolve: false);

    public (TokenCheck Check, ActionResult Result) Resolve(string? token, string who, string? note) => Act(token, who, note, resolve: true);

    private (TokenCheck, ActionResult) Act(string? token, string who, string? note, bool resolve)
    {
        var check = signer.Verify(token, out var id);
        if (check != TokenCheck.Valid)
        {
            AlertLog.TokenRefused(logger, check.ToString());
            return (check, ActionResult.UnknownAlert);
        }

        return (check, ActOnId(id, string.IsNullOrWhiteSpace(who) ? "anonymous (link)" : who, note, resolve));
    }

    /// <summary>
    /// Acknowledges or resolves <paramref name="alertId"/> for a caller that has already established who acts (the
    /// dashboard, with the admin token and its signed-in user's name).
    /// </summary>
    public ActionResult ActOnId(string alertId, string who, string? note, bool resolve)
    {
        who = who.Trim()[..Math.Min(who.Trim().Length, 100)];
        note = note?.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 2000)] : null;
        var result = resolve ? engine.Resolve(alertId, who, note) : engine.Acknowledge(alertId, who, note);
        var alert = engine.Find(alertId);
        AlertLog.Acted(logger, alertId, alert?.RuleId ?? "?", alert?.Site ?? "?", alert?.Room ?? "?", result, who);
        return result;
    }
}
