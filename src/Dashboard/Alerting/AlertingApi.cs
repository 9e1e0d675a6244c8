using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;

namespace LiveRoom.Dashboard.Alerting;

/// <summary>
/// <c>/api/alerting</c>: the collector's alert rules, on-call rota and silences through the dashboard, so that each
/// person's role decides what they may change and every change is in the audit log with their name (seed clauses 4.4,
/// 4.5; the collector's own admin API knows only one token). Everyone but a kiosk reads (rota and silences of the sites
/// they see); admins change rules and the rota; on-call staff and admins add silences for the sites they see, recorded
/// as made by them.
/// </summary>
internal static class AlertingApi
{
    private const int MaxBody = 256 * 1024;

    public static IEndpointRouteBuilder MapAlertingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alerting").RequireAuthorization(Policies.AlertSettings).WithTags("alerting");
        api.MapGet("/rules", (CollectorAdminClient collector, CancellationToken ct) => ReadAsync(collector, "api/rules", null, ct)).WithSummary("Alert rules");
        api.MapPut("/rules/{id}", SaveRuleAsync).RequireAuthorization(Policies.Admin).RequireCsrf().WithSummary("Add or change an alert rule");
        api.MapDelete("/rules/{id}", DeleteRuleAsync).RequireAuthorization(Policies.Admin).RequireCsrf().WithSummary("Delete an alert rule");
        api.MapGet("/rota", (CollectorAdminClient collector, HttpContext http, CancellationToken ct) => ReadAsync(collector, "api/rota", http.User, ct)).WithSummary("On-call rota of the sites the user sees");
        api.MapPut("/rota", SaveRotaAsync).RequireAuthorization(Policies.Admin).RequireCsrf().WithSummary("Replace the on-call rota");
        api.MapGet("/silences", (CollectorAdminClient collector, HttpContext http, CancellationToken ct) => ReadAsync(collector, "api/silences", http.User, ct)).WithSummary("Silences of the sites the user sees");
        api.MapPost("/silences", AddSilenceAsync).RequireAuthorization(Policies.Silence).RequireCsrf().WithSummary("Add a silence (maintenance window)");
        return app;
    }

    private static async Task<IResult> ReadAsync(CollectorAdminClient collector, string path, ClaimsPrincipal? scopedTo, CancellationToken ct)
    {
        var answer = await collector.SendAsync(HttpMethod.Get, path, null, ct);
        if (!answer.Answered || answer.Status != StatusCodes.Status200OK)
        {
            return Unavailable(answer);
        }

        if (scopedTo is null || scopedTo.Sites().Count == 0)
        {
            return Results.Text(answer.Body, "application/json");
        }

        // Entries of other sites are left out; "*" (rota) and no site (silence) concern every site.
        var visible = new JsonArray();
        foreach (var entry in JsonNode.Parse(answer.Body)?.AsArray() ?? [])
        {
            var site = entry?["site"]?.GetValue<string>();
            if (site is null or "*" || scopedTo.MaySee(site))
            {
                visible.Add(entry?.DeepClone());
            }
        }

        return Results.Text(visible.ToJsonString(), "application/json");
    }

    private static async Task<IResult> SaveRuleAsync(string id, HttpContext http, CollectorAdminClient collector, AuditLog audit, CancellationToken ct)
    {
        var (json, error) = await BodyAsync(http, ct);
        return error ?? await ChangeAsync(http, collector, audit, HttpMethod.Put, "api/rules/" + Uri.EscapeDataString(id), json, AlertingAuditActions.RuleSave, id, "Rule not saved", Shorten(json), ct);
    }

    private static Task<IResult> DeleteRuleAsync(string id, HttpContext http, CollectorAdminClient collector, AuditLog audit, CancellationToken ct) =>
        ChangeAsync(http, collector, audit, HttpMethod.Delete, "api/rules/" + Uri.EscapeDataString(id), null, AlertingAuditActions.RuleDelete, id, "Rule not deleted", null, ct);

    private static async Task<IResult> SaveRotaAsync(HttpContext http, CollectorAdminClient collector, AuditLog audit, CancellationToken ct)
    {
        var (json, error) = await BodyAsync(http, ct);
        return error ?? await ChangeAsync(http, collector, audit, HttpMethod.Put, "api/rota", json, AlertingAuditActions.RotaSave, "rota", "Rota not saved", Shorten(json), ct);
    }

    private static async Task<IResult> AddSilenceAsync(HttpContext http, CollectorAdminClient collector, AuditLog audit, CancellationToken ct)
    {
        var (json, error) = await BodyAsync(http, ct);
        if (error is not null)
        {
            return error;
        }

        string? site;
        string target;
        try
        {
            var body = JsonNode.Parse(json!) as JsonObject ?? throw new JsonException("the body is not a JSON object");
            site = body["site"]?.GetValue<string>();
            target = body["id"]?.GetValue<string>() ?? "(no id)";

            // Who made it is the signed-in user, whatever the body says.
            body["createdBy"] = http.User.UserName();
            json = body.ToJsonString();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return TypedResults.Problem("The body is not a silence: " + ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Silence not added");
        }

        // A silence mutes alerts of one site, or of every site when it names none: only someone who sees them may.
        if (site is null ? http.User.Sites().Count > 0 : !http.User.MaySee(site))
        {
            var scope = site is null ? "every site" : $"site '{site}'";
            audit.Write(http.User.UserName(), SessionAuthenticationHandler.Ip(http), AlertingAuditActions.SilenceCreate, target, "denied", scope);
            return TypedResults.Problem($"You may not silence alerts of {scope}.", statusCode: StatusCodes.Status403Forbidden, title: "Silence not added");
        }

        return await ChangeAsync(http, collector, audit, HttpMethod.Post, "api/silences", json, AlertingAuditActions.SilenceCreate, target, "Silence not added", Shorten(json), ct);
    }

    /// <summary>Sends one change to the collector and writes it, done or refused, to the audit log.</summary>
    private static async Task<IResult> ChangeAsync(
        HttpContext http, CollectorAdminClient collector, AuditLog audit, HttpMethod method, string path, string? json, string action, string target, string refusedTitle, string? detail, CancellationToken ct)
    {
        var answer = await collector.SendAsync(method, path, json, ct);
        var actor = http.User.UserName();
        var ip = SessionAuthenticationHandler.Ip(http);
        if (!answer.Answered)
        {
            audit.Write(actor, ip, action, target, "failed", answer.Problem);
            return Unavailable(answer);
        }

        if (answer.Status is >= 200 and < 300)
        {
            audit.Write(actor, ip, action, target, "ok", detail);
            return Results.NoContent();
        }

        var reasons = Errors(answer.Body);
        audit.Write(actor, ip, action, target, "failed", reasons);
        return TypedResults.Problem(reasons, statusCode: answer.Status, title: refusedTitle);
    }

    private static async Task<(string? Json, IResult? Error)> BodyAsync(HttpContext http, CancellationToken ct)
    {
        var tooLarge = TypedResults.Problem(string.Create(CultureInfo.InvariantCulture, $"The body is larger than {MaxBody / 1024} KiB."), statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        if (http.Request.ContentLength > MaxBody)
        {
            return (null, tooLarge);
        }

        using var reader = new StreamReader(http.Request.Body);
        var json = await reader.ReadToEndAsync(ct);
        return json.Length > MaxBody ? (null, tooLarge) : (json, null);
    }

    /// <summary>The collector's refusal reasons (<c>{"errors":[…]}</c>), or its body as it is.</summary>
    private static string Errors(string body)
    {
        try
        {
            if (JsonNode.Parse(body)?["errors"] is JsonArray errors)
            {
                return string.Join("; ", errors.Select(e => e?.GetValue<string>()));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
        }

        return body.Length > 0 ? body : "refused without a reason";
    }

    private static IResult Unavailable(CollectorAnswer answer) =>
        TypedResults.Problem(
            answer.Problem ?? string.Create(CultureInfo.InvariantCulture, $"the collector answered {answer.Status}"),
            statusCode: answer.NotConfigured ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
            title: "Alert settings not available");

    private static string? Shorten(string? json) => json is null ? null : json.Length <= 500 ? json : json[..500] + "…";
}
