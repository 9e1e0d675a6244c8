using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Mqtt;
using LiveRoom.Dashboard.Reports;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Series;
using LiveRoom.Mqtt;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.Lifecycle;

/// <summary>
/// A room's lifecycle on the central side (issue 6): its state as the edge published it, checklist commands
/// (run now, confirm a manual item; technicians and admins), and the recorded checklist runs with a CSV export.
/// </summary>
internal static class LifecycleApi
{
    public static readonly string[] CsvHeader = ["site", "room", "run", "show", "run_status", "time", "item", "status", "value", "number", "threshold", "clause", "by"];

    public static IEndpointRouteBuilder MapLifecycleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rooms/{site}/{room}").RequireAuthorization(Policies.View).WithTags("lifecycle");
        api.MapGet("/state", GetState).WithSummary("The room's state as its edge last published it (offline when the edge is gone)");
        api.MapPost("/checklist/run", RunAsync).RequireAuthorization(Policies.Operate).RequireCsrf().WithSummary("Ask the edge to run the checklist now");
        api.MapPost("/checklist/confirm", ConfirmAsync).RequireAuthorization(Policies.Operate).RequireCsrf().WithSummary("Confirm a manual checklist item");
        api.MapGet("/checklists", GetRunsAsync).WithSummary("Recorded checklist runs between from and to, newest first");
        api.MapGet("/checklists.csv", GetRunsCsvAsync).WithSummary("The same, one line per item point, as CSV");
        return app;
    }

    internal static Results<Ok<RoomStateView>, ProblemHttpResult> GetState(string site, string room, HttpContext http, RoomStateCache states)
    {
        if (Check(site, room, http) is { } problem)
        {
            return problem;
        }

        return states.Get(site, room) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound(
                new LocalText("No room state", "没有直播间状态"),
                new LocalText(
                    $"No state or status has been received from room '{site}/{room}' (is its edge running, and is Dashboard:Mqtt set?).",
                    $"尚未收到直播间“{site}/{room}”的状态（它的边缘端在运行吗？Dashboard:Mqtt 设置了吗？）。"));
    }

    internal static Task<Results<Accepted<ChecklistCommandResponse>, ProblemHttpResult>> RunAsync(
        string site, string room, ScheduleApiContext c, EdgeLink link, RoomStateCache states, CancellationToken cancellationToken) =>
        SendAsync(site, room, ChecklistCommand.Run, string.Empty, string.Empty, c, link, states, cancellationToken);

    internal static Task<Results<Accepted<ChecklistCommandResponse>, ProblemHttpResult>> ConfirmAsync(
        string site, string room, ChecklistConfirmRequest body, ScheduleApiContext c, EdgeLink link, RoomStateCache states, CancellationToken cancellationToken)
    {
        var notConfirmed = new LocalText("Not confirmed", "未确认");
        var problem = ScheduleRules.CheckId(Words.Item, body.Item) ?? ScheduleRules.CheckText(Words.Run, body.Run, Identifier.MaxLength, required: false);
        if (problem is not null)
        {
            return Task.FromResult<Results<Accepted<ChecklistCommandResponse>, ProblemHttpResult>>(Problems.BadRequest(notConfirmed, problem.Value));
        }

        if (c.Store.FindSite(site) is { } known && !known.Manual.Any(m => m.Id == body.Item))
        {
            var ids = string.Join(", ", known.Manual.Select(m => m.Id));
            var reason = known.Manual.Count == 0
                ? new LocalText($"'{body.Item}' is not a manual checklist item of site '{site}'; the site has none", $"“{body.Item}”不是站点“{site}”的人工检查项；该站点没有人工检查项")
                : new LocalText($"'{body.Item}' is not a manual checklist item of site '{site}'; the site's items: {ids}", $"“{body.Item}”不是站点“{site}”的人工检查项；该站点的检查项：{ids}");
            return Task.FromResult<Results<Accepted<ChecklistCommandResponse>, ProblemHttpResult>>(Problems.BadRequest(notConfirmed, reason));
        }

        return SendAsync(site, room, ChecklistCommand.Confirm, body.Item!, body.Run ?? string.Empty, c, link, states, cancellationToken);
    }

    internal static async Task<Results<Ok<ChecklistRunsResponse>, ProblemHttpResult>> GetRunsAsync(
        string site, string room, string? from, string? to, HttpContext http, ChecklistQuery query, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Check(site, room, http) is { } problem)
        {
            return problem;
        }

        var range = SeriesRange.TryCreate(RoomSeriesApi.ParseTime(from), RoomSeriesApi.ParseTime(to), null, time.GetUtcNow(), out var error);
        if (range is null)
        {
            return Problems.BadTimeRange(error);
        }

        try
        {
            return TypedResults.Ok(new ChecklistRunsResponse(site, room, range.From, range.To, await query.GetAsync(site, room, range.From, range.To, cancellationToken)));
        }
        catch (InfluxQueryException ex)
        {
            return Problems.InfluxUnavailable(ex.Message);
        }
    }

    internal static async Task<IResult> GetRunsCsvAsync(
        string site, string room, string? from, string? to, HttpContext http, ChecklistQuery query, TimeProvider time, Security.Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        var answer = await GetRunsAsync(site, room, from, to, http, query, time, cancellationToken);
        if (answer.Result is not Ok<ChecklistRunsResponse> { Value: { } body })
        {
            return answer.Result;
        }

        audit.Write(Security.Sessions.SessionClaims.UserName(http.User), Security.Sessions.SessionAuthenticationHandler.Ip(http), Security.Audit.AuditActions.ReportExport, $"checklists {site}/{room}", "ok", $"{body.From:O}..{body.To:O} csv");
        var rows = body.Runs.SelectMany(r => r.Items.Select(i => (IReadOnlyList<object?>)
            [site, room, r.Run, r.Show, r.Status, i.Time, i.Item, i.Status, i.Value, i.Number, i.Threshold, i.Clause, i.By]));
        var name = $"liveroom-checklists-{site}-{room}-{body.From:yyyyMMdd}-{body.To:yyyyMMdd}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(Csv.Write(CsvHeader, rows)), "text/csv; charset=utf-8", name);
    }

    private static async Task<Results<Accepted<ChecklistCommandResponse>, ProblemHttpResult>> SendAsync(
        string site, string room, string action, string item, string run, ScheduleApiContext c, EdgeLink link, RoomStateCache states, CancellationToken cancellationToken)
    {
        var target = $"{site}/{room}";
        var auditAction = action == ChecklistCommand.Run ? ScheduleAuditActions.ChecklistRun : ScheduleAuditActions.ChecklistConfirm;
        if (Check(site, room, null, c) is { } problem)
        {
            return problem;
        }

        if (c.Store.FindRoom(site, room) is null && states.Get(site, room) is null)
        {
            return Problems.NotFound(
                new LocalText("Unknown room", "未知直播间"),
                new LocalText($"No room '{target}' is configured or has reported a state.", $"直播间“{target}”既未配置，也未上报过状态。"));
        }

        var by = c.User.Identity?.Name ?? "unknown";
        var now = c.Now;
        var command = new ChecklistCommand { V = SchemaVersion.Current, Action = action, Item = item, RunId = run, By = by, Ts = now.ToUnixTimeMilliseconds() };
        var topic = Topic.Command(site, room, CommandName.Checklist);
        if (link.UnavailableText is { } why)
        {
            c.Audit(auditAction, target, "failed", why.English);
            return Problems.Problem(StatusCodes.Status503ServiceUnavailable, NotSent, why);
        }

        try
        {
            await link.PublishCommandAsync(topic, JsonSerializer.SerializeToUtf8Bytes(command, ContractsJsonContext.Default.ChecklistCommand), cancellationToken);
        }
        catch (Exception ex) when (ex is MqttException or TimeoutException)
        {
            c.Audit(auditAction, target, "failed", ex.Message);
            return Problems.Problem(
                StatusCodes.Status503ServiceUnavailable,
                NotSent,
                new LocalText($"The broker did not take the command: {ex.Message}", $"MQTT 代理未接收指令：{ex.Message}"));
        }

        c.Audit(auditAction, target, "ok", item.Length > 0 ? $"item={item}" : null);
        return TypedResults.Accepted((string?)null, new ChecklistCommandResponse(topic, action, item, by, now));
    }

    /// <summary>A command the dashboard could not hand to the broker: 503.</summary>
    internal static LocalText NotSent => new("Command not sent", "指令未发送");

    private static ProblemHttpResult? Check(string site, string room, HttpContext? http, ScheduleApiContext? c = null) =>
        Problems.CheckRoom(site, room, http?.User ?? c!.User);
}
