using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.Alerting;

/// <summary>
/// <c>/api/alerts</c>: the collector's open alerts where people look (every role and a kiosk wall read those of the
/// sites they see), and acknowledging or resolving one from the dashboard (technician, on-call, admin) under the
/// signed-in person's name, written to the audit log (seed clauses 7.4.4, 8; 4.5). The message's signed link stays the
/// way from a phone; this is the way from the wall or the room page, and for whoever did not get the message.
/// </summary>
internal static class OpenAlertsApi
{
    private const int MaxNote = 2000;

    public static IEndpointRouteBuilder MapOpenAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alerts").RequireAuthorization(Policies.View).WithTags("alerts");
        api.MapGet("/open", GetOpen).WithSummary("Open alerts (pending, firing, acknowledged) of the sites the user sees; ?site=&room= to narrow");
        api.MapPost("/{id}/ack", (string id, HttpContext http, OpenAlertsWatch watch, CollectorAdminClient collector, AuditLog audit, CancellationToken ct) =>
            ActAsync(id, resolve: false, http, watch, collector, audit, ct)).RequireAuthorization(Policies.Acknowledge).RequireCsrf().WithSummary("Acknowledge an alert as the signed-in user (optional note)");
        api.MapPost("/{id}/resolve", (string id, HttpContext http, OpenAlertsWatch watch, CollectorAdminClient collector, AuditLog audit, CancellationToken ct) =>
            ActAsync(id, resolve: true, http, watch, collector, audit, ct)).RequireAuthorization(Policies.Acknowledge).RequireCsrf().WithSummary("Resolve an alert by hand as the signed-in user (optional note)");
        return app;
    }

    /// <summary>The open alerts <paramref name="user"/> may see, optionally of one site or room.</summary>
    internal static OpenAlertsView ForUser(OpenAlertsView view, ClaimsPrincipal user, string? site = null, string? room = null) =>
        view with
        {
            Items = view.Items?.Where(a => user.MaySee(a.Site) && (site is null || a.Site == site) && (room is null || a.Room == room)).ToList(),
        };

    private static Ok<OpenAlertsView> GetOpen(string? site, string? room, OpenAlertsWatch watch, ClaimsPrincipal user) =>
        TypedResults.Ok(ForUser(watch.Current, user, site, room));

    private static async Task<IResult> ActAsync(string id, bool resolve, HttpContext http, OpenAlertsWatch watch, CollectorAdminClient collector, AuditLog audit, CancellationToken ct)
    {
        var action = resolve ? AlertingAuditActions.AlertResolve : AlertingAuditActions.AlertAcknowledge;
        var refusedTitle = resolve ? new LocalText("Alert not resolved", "告警未解决") : new LocalText("Alert not acknowledged", "告警未确认");
        var actor = http.User.UserName();
        var ip = SessionAuthenticationHandler.Ip(http);
        string? note;
        try
        {
            note = await NoteAsync(http, ct);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return Problems.BadRequest(refusedTitle, new LocalText("The body is not {\"note\": \"…\"}: " + ex.Message, "请求体不是 {\"note\": \"…\"}：" + ex.Message));
        }

        if (note is { Length: > MaxNote })
        {
            return Problems.BadRequest(refusedTitle, new LocalText(
                string.Create(CultureInfo.InvariantCulture, $"The note is longer than {MaxNote} characters."),
                string.Create(CultureInfo.InvariantCulture, $"备注超过 {MaxNote} 个字符。")));
        }

        // The alert's site decides who may act: read afresh, so an alert that has just opened is found.
        var open = await watch.RefreshAsync(ct);
        if (open.Items is null)
        {
            audit.Write(actor, ip, action, id, "failed", open.Problem);
            var why = open.Problem is { } p
                ? new LocalText(p, "读取告警失败：" + p)
                : new LocalText("alerts are not configured here: set Dashboard:AlertsUrl and Dashboard:AlertsAdminToken", "此处未配置告警：请设置 Dashboard:AlertsUrl 和 Dashboard:AlertsAdminToken");
            return Problems.Problem(StatusCodes.Status502BadGateway, refusedTitle, why);
        }

        var alert = open.Items.FirstOrDefault(a => a.Id == id);
        if (alert is null || !http.User.MaySee(alert.Site))
        {
            // An alert of a site the person does not see is answered as one that is not open: nothing of it is told.
            audit.Write(actor, ip, action, id, "failed", alert is null ? "not open" : "site not allowed");
            return Problems.NotFound(refusedTitle, new LocalText(
                $"Alert '{id}' is not open (it was resolved, or it is not one of your sites).",
                $"告警“{id}”未处于打开状态（已解决，或不属于你的站点）。"));
        }

        var target = $"{alert.Site}/{alert.Room} {alert.RuleId} ({id})";
        var body = new JsonObject { ["who"] = actor, ["note"] = note }.ToJsonString();
        var answer = await collector.SendAsync(HttpMethod.Post, $"api/alerts/{Uri.EscapeDataString(id)}/{(resolve ? "resolve" : "ack")}", body, ct);
        if (!answer.Answered)
        {
            audit.Write(actor, ip, action, target, "failed", answer.Problem);
            return Problems.Problem(answer.NotConfigured ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway, refusedTitle, AlertingApi.CollectorProblem(answer));
        }

        await watch.RefreshAsync(ct);
        var result = Result(answer.Body);
        if (answer.Status == StatusCodes.Status200OK)
        {
            audit.Write(actor, ip, action, target, "ok", result == "done" ? note : result);
            return Results.Text(answer.Body, "application/json");
        }

        var reason = result switch
        {
            "notFiring" => new LocalText("The alert is still pending: it has not fired, so there is nothing to acknowledge yet.", "告警仍在等待中：尚未触发，还没有可确认的内容。"),
            "unknownAlert" => new LocalText(
                $"The collector does not know alert '{id}' (it was resolved and forgotten, or another collector took over).",
                $"采集器不知道告警“{id}”（已解决并被清除，或已由另一台采集器接管）。"),
            _ => new LocalText(
                string.Create(CultureInfo.InvariantCulture, $"The collector answered {answer.Status}: {answer.Body}"),
                string.Create(CultureInfo.InvariantCulture, $"采集器应答 {answer.Status}：{answer.Body}")),
        };
        audit.Write(actor, ip, action, target, "failed", reason.English);
        return Problems.Problem(answer.Status == StatusCodes.Status404NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, refusedTitle, reason);
    }

    // Empty body or {"note": "…"} (a note may be null or missing).
    private static async Task<string?> NoteAsync(HttpContext http, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var body = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("the body is not a JSON object");
        return body["note"]?.GetValue<string>()?.Trim() is { Length: > 0 } note ? note : null;
    }

    // The collector's word for what happened (camelCase ActionResult), or null when its answer has none.
    private static string? Result(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["result"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
