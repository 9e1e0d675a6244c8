using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;

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
        var refusedTitle = resolve ? "Alert not resolved" : "Alert not acknowledged";
        var actor = http.User.UserName();
        var ip = SessionAuthenticationHandler.Ip(http);
        string? note;
        try
        {
            note = await NoteAsync(http, ct);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return TypedResults.Problem("The body is not {\"note\": \"…\"}: " + ex.Message, statusCode: StatusCodes.Status400BadRequest, title: refusedTitle);
        }

        if (note is { Length: > MaxNote })
        {
            return TypedResults.Problem($"The note is longer than {MaxNote} characters.", statusCode: StatusCodes.Status400BadRequest, title: refusedTitle);
        }

        // The alert's site decides who may act: read afresh, so an alert that has just opened is found.
        var open = await watch.RefreshAsync(ct);
        if (open.Items is null)
        {
            audit.Write(actor, ip, action, id, "failed", open.Problem);
            return TypedResults.Problem(open.Problem ?? "alerts are not configured here: set Dashboard:AlertsUrl and Dashboard:AlertsAdminToken", statusCode: StatusCodes.Status502BadGateway, title: refusedTitle);
        }

        var alert = open.Items.FirstOrDefault(a => a.Id == id);
        if (alert is null || !http.User.MaySee(alert.Site))
        {
            // An alert of a site the person does not see is answered as one that is not open: nothing of it is told.
            audit.Write(actor, ip, action, id, "failed", alert is null ? "not open" : "site not allowed");
            return TypedResults.Problem($"Alert '{id}' is not open (it was resolved, or it is not one of your sites).", statusCode: StatusCodes.Status404NotFound, title: refusedTitle);
        }

        var target = $"{alert.Site}/{alert.Room} {alert.RuleId} ({id})";
        var body = new JsonObject { ["who"] = actor, ["note"] = note }.ToJsonString();
        var answer = await collector.SendAsync(HttpMethod.Post, $"api/alerts/{Uri.EscapeDataString(id)}/{(resolve ? "resolve" : "ack")}", body, ct);
        if (!answer.Answered)
        {
            audit.Write(actor, ip, action, target, "failed", answer.Problem);
            return TypedResults.Problem(answer.Problem, statusCode: answer.NotConfigured ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway, title: refusedTitle);
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
            "notFiring" => "The alert is still pending: it has not fired, so there is nothing to acknowledge yet.",
            "unknownAlert" => $"The collector does not know alert '{id}' (it was resolved and forgotten, or another collector took over).",
            _ => $"The collector answered {answer.Status}: {answer.Body}",
        };
        audit.Write(actor, ip, action, target, "failed", reason);
        return TypedResults.Problem(reason, statusCode: answer.Status == StatusCodes.Status404NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, title: refusedTitle);
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
