using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Schedules;
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

    /// <summary>How long before a show its checklist starts and its failures may alert: the edge's default (seed clause 7.4.3).</summary>
    private static readonly TimeSpan ChecklistLead = TimeSpan.FromMinutes(30);

    public static IEndpointRouteBuilder MapAlertingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alerting").RequireAuthorization(Policies.AlertSettings).WithTags("alerting");
        api.MapGet("/rules", (CollectorAdminClient collector, CancellationToken ct) => ReadAsync(collector, "api/rules", null, ct)).WithSummary("Alert rules");
        api.MapPut("/rules/{id}", SaveRuleAsync).RequireAuthorization(Policies.Admin).RequireCsrf().WithSummary("Add or change an alert rule");
        api.MapDelete("/rules/{id}", DeleteRuleAsync).RequireAuthorization(Policies.Admin).RequireCsrf().WithSummary("Delete an alert rule");
        api.MapGet("/rota", (CollectorAdminClient collector, HttpContext http, CancellationToken ct) => ReadAsync(collector, "api/rota", http.User, ct)).WithSummary("On-call rota of the sites the user sees");
        api.MapGet("/on-duty", OnDutyAsync).WithSummary("Who a notice would go to now, per level of each site the user sees");
        api.MapGet("/gaps", GapsAsync).WithSummary("When nobody is on duty at a level of each site the user sees in the next 7 days, with the shows then");
        api.MapPut("/rota", SaveRotaAsync).RequireAuthorization(Policies.Admin).RequireCsrf().WithSummary("Replace the on-call rota");
        api.MapGet("/silences", (CollectorAdminClient collector, HttpContext http, CancellationToken ct) => ReadAsync(collector, "api/silences", http.User, ct)).WithSummary("Silences of the sites the user sees");
        api.MapGet("/channels", (CollectorAdminClient collector, CancellationToken ct) => ReadAsync(collector, "api/notify/channels", null, ct)).WithSummary("Where alert notices go: the collector's channels");
        api.MapPost("/test-notice", TestNoticeApi.SendAsync).RequireAuthorization(Policies.Silence).RequireCsrf().WithSummary("Send a test notice through every channel to the people on duty at a level of a site");
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

    // The collector knows the rota, not the sites: it is asked for the sites this user sees.
    private static Task<IResult> OnDutyAsync(CollectorAdminClient collector, ScheduleStore schedules, HttpContext http, CancellationToken ct)
    {
        var sites = schedules.ListSites().Where(s => http.User.MaySee(s.Id)).Select(s => KeyValuePair.Create("site", (string?)s.Id));
        return ReadAsync(collector, "api/rota/on-duty" + QueryString.Create(sites), http.User, ct);
    }

    /// <summary>
    /// The collector's gaps in the rota for the next 7 days, each with the shows it falls on: those whose pre-show
    /// checklist (from <see cref="ChecklistLead"/> before the start) or show time overlaps it — when an alert would come
    /// and find nobody.
    /// </summary>
    private static async Task<IResult> GapsAsync(CollectorAdminClient collector, ScheduleStore schedules, HttpContext http, CancellationToken ct)
    {
        var sites = schedules.ListSites().Where(s => http.User.MaySee(s.Id)).ToArray();
        var answer = await collector.SendAsync(HttpMethod.Get, "api/rota/gaps" + QueryString.Create(sites.Select(s => KeyValuePair.Create("site", (string?)s.Id))), null, ct);
        if (!answer.Answered || answer.Status != StatusCodes.Status200OK)
        {
            return Unavailable(answer);
        }

        var rooms = schedules.ListRooms().ToDictionary(r => (r.Site, r.Id), r => r.Name);
        var gaps = JsonNode.Parse(answer.Body)?.AsArray() ?? [];
        foreach (var gap in gaps.OfType<JsonObject>())
        {
            var site = gap["site"]!.GetValue<string>();
            var start = gap["start"]!.GetValue<DateTimeOffset>();
            var end = gap["end"]!.GetValue<DateTimeOffset>();
            gap["shows"] = new JsonArray([.. schedules.ListShows(site, null, start, end + ChecklistLead).Select(show => (JsonNode)new JsonObject
            {
                ["id"] = show.Id,
                ["room"] = show.Room,
                ["roomName"] = rooms.GetValueOrDefault((site, show.Room), show.Room),
                ["title"] = show.Title,
                ["start"] = show.Start,
                ["end"] = show.End,
            })]);
        }

        return Results.Text(gaps.ToJsonString(), "application/json");
    }

    private static async Task<IResult> SaveRuleAsync(string id, HttpContext http, CollectorAdminClient collector, AuditLog audit, CancellationToken ct)
    {
        var (json, error) = await BodyAsync(http, ct);
        return error ?? await ChangeAsync(http, collector, audit, HttpMethod.Put, "api/rules/" + Uri.EscapeDataString(id), json, AlertingAuditActions.RuleSave, id, new LocalText("Rule not saved", "规则未保存"), Shorten(json), ct);
    }

    private static Task<IResult> DeleteRuleAsync(string id, HttpContext http, CollectorAdminClient collector, AuditLog audit, CancellationToken ct) =>
        ChangeAsync(http, collector, audit, HttpMethod.Delete, "api/rules/" + Uri.EscapeDataString(id), null, AlertingAuditActions.RuleDelete, id, new LocalText("Rule not deleted", "规则未删除"), null, ct);

    private static async Task<IResult> SaveRotaAsync(HttpContext http, CollectorAdminClient collector, AuditLog audit, CancellationToken ct)
    {
        var (json, error) = await BodyAsync(http, ct);
        return error ?? await ChangeAsync(http, collector, audit, HttpMethod.Put, "api/rota", json, AlertingAuditActions.RotaSave, "rota", new LocalText("Rota not saved", "值班表未保存"), Shorten(json), ct);
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
            return Problems.BadRequest(SilenceNotAdded, new LocalText("The body is not a silence: " + ex.Message, "请求体不是静默设置：" + ex.Message));
        }

        // A silence mutes alerts of one site, or of every site when it names none: only someone who sees them may.
        if (site is null ? http.User.Sites().Count > 0 : !http.User.MaySee(site))
        {
            var scope = site is null ? new LocalText("every site", "所有站点") : new LocalText($"site '{site}'", $"站点“{site}”");
            audit.Write(http.User.UserName(), SessionAuthenticationHandler.Ip(http), AlertingAuditActions.SilenceCreate, target, "denied", scope.English);
            return Problems.Forbidden(SilenceNotAdded, new LocalText($"You may not silence alerts of {scope.English}.", $"你无权静默{scope.Chinese}的告警。"));
        }

        return await ChangeAsync(http, collector, audit, HttpMethod.Post, "api/silences", json, AlertingAuditActions.SilenceCreate, target, SilenceNotAdded, Shorten(json), ct);
    }

    /// <summary>Sends one change to the collector and writes it, done or refused, to the audit log.</summary>
    private static async Task<IResult> ChangeAsync(
        HttpContext http, CollectorAdminClient collector, AuditLog audit, HttpMethod method, string path, string? json, string action, string target, LocalText refusedTitle, string? detail, CancellationToken ct)
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
        audit.Write(actor, ip, action, target, "failed", reasons.English);
        return Problems.Problem(answer.Status, refusedTitle, reasons);
    }

    private static async Task<(string? Json, IResult? Error)> BodyAsync(HttpContext http, CancellationToken ct)
    {
        var tooLarge = Problems.Problem(
            StatusCodes.Status413PayloadTooLarge,
            new LocalText("Too large", "内容过大"),
            new LocalText(
                string.Create(CultureInfo.InvariantCulture, $"The body is larger than {MaxBody / 1024} KiB."),
                string.Create(CultureInfo.InvariantCulture, $"请求体大于 {MaxBody / 1024} KiB。")));
        if (http.Request.ContentLength > MaxBody)
        {
            return (null, tooLarge);
        }

        using var reader = new StreamReader(http.Request.Body);
        var json = await reader.ReadToEndAsync(ct);
        return json.Length > MaxBody ? (null, tooLarge) : (json, null);
    }

    /// <summary>
    /// The collector's refusal reasons (<c>{"errors":[…],"errorsZh":[…]}</c>; a collector without <c>errorsZh</c> gives
    /// its English for both), or its body as it is.
    /// </summary>
    internal static LocalText Errors(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject answer && answer["errors"] is JsonArray errors)
            {
                var english = string.Join("; ", errors.Select(e => e?.GetValue<string>()));
                var chinese = answer["errorsZh"] is JsonArray zh && zh.Count == errors.Count ? string.Join("；", zh.Select(e => e?.GetValue<string>())) : english;
                return new LocalText(english, chinese);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
        }

        return body.Length > 0 ? new LocalText(body, body) : new LocalText("refused without a reason", "被拒绝，未说明原因");
    }

    private static LocalText SilenceNotAdded => new("Silence not added", "静默未添加");

    internal static IResult Unavailable(CollectorAnswer answer) =>
        Problems.Problem(
            answer.NotConfigured ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
            new LocalText("Alert settings not available", "告警设置不可用"),
            CollectorProblem(answer));

    /// <summary>Why the collector gave no usable answer: its client's words (English), introduced in Chinese for a Chinese reader.</summary>
    internal static LocalText CollectorProblem(CollectorAnswer answer)
    {
        var why = answer.Problem ?? string.Create(CultureInfo.InvariantCulture, $"the collector answered {answer.Status}");
        return new LocalText(why, "告警服务（采集器）未正常应答：" + why);
    }

    private static string? Shorten(string? json) => json is null ? null : json.Length <= 500 ? json : json[..500] + "…";
}
