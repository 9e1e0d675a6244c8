using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
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
            : Problems.NotFound("No room state", $"No state or status has been received from room '{site}/{room}' (is its edge running, and is Dashboard:Mqtt set?).");
    }

    internal static Task<Results<Accepted<ChecklistCommandResponse>, ProblemHttpResult>> RunAsync(
        string site, string room, ScheduleApiContext c, EdgeLink link, RoomStateCache states, CancellationToken cancellationToken) =>
        SendAsync(site, room, ChecklistCommand.Run, string.Empty, string.Empty, c, link, states, cancellationToken);

    internal static Task<Results<Accepted<ChecklistCommandResponse>, ProblemHttpResult>> ConfirmAsync(
        string site, string room, ChecklistConfirmRequest body, ScheduleApiContext c, EdgeLink link, RoomStateCache states, CancellationToken cancellationToken)
    {
        var problem = ScheduleRules.CheckId("item", body.Item) ?? ScheduleRules.CheckText("run", body.Run, Identifier.MaxLength, required: false);
        if (problem is not null)
        {
            return Task.FromResult<Results<Accepted<ChecklistCommandResponse>, ProblemHttpResult>>(Problems.BadRequest("Not confirmed", problem));
        }

        if (c.Store.FindSite(site) is { } known && !known.Manual.Any(m => m.Id == body.Item))
        {
            var items = known.Manual.Count == 0 ? "the site has none" : "the site's items: " + string.Join(", ", known.Manual.Select(m => m.Id));
            return Task.FromResult<Results<Accepted<ChecklistCommandResponse>, ProblemHttpResult>>(
                Problems.BadRequest("Not confirmed", $"'{body.Item}' is not a manual checklist item of site '{site}'; {items}"));
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
            return Problems.BadRequest("Bad time range", error!);
        }

        try
        {
            return TypedResults.Ok(new ChecklistRunsResponse(site, room, range.From, range.To, await query.GetAsync(site, room, range.From, range.To, cancellationToken)));
        }
        catch (InfluxQueryException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "InfluxDB unavailable");
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
            return Problems.NotFound("Unknown room", $"No room '{target}' is configured or has reported a state.");
        }

        var by = c.User.Identity?.Name ?? "unknown";
        var now = c.Now;
        var command = new ChecklistCommand { V = SchemaVersion.Current, Action = action, Item = item, RunId = run, By = by, Ts = now.ToUnixTimeMilliseconds() };
        var topic = Topic.Command(site, room, CommandName.Checklist);
        if (link.Unavailable is { } why)
        {
            c.Audit(auditAction, target, "failed", why);
            return TypedResults.Problem(why, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Command not sent");
        }

        try
        {
            await link.PublishCommandAsync(topic, JsonSerializer.SerializeToUtf8Bytes(command, ContractsJsonContext.Default.ChecklistCommand), cancellationToken);
        }
        catch (Exception ex) when (ex is MqttException or TimeoutException)
        {
            c.Audit(auditAction, target, "failed", ex.Message);
            return TypedResults.Problem($"The broker did not take the command: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Command not sent");
        }

        c.Audit(auditAction, target, "ok", item.Length > 0 ? $"item={item}" : null);
        return TypedResults.Accepted((string?)null, new ChecklistCommandResponse(topic, action, item, by, now));
    }

    private static ProblemHttpResult? Check(string site, string room, HttpContext? http, ScheduleApiContext? c = null)
    {
        if (!Identifier.IsValid(site, out var reason) || !Identifier.IsValid(room, out reason))
        {
            return Problems.BadRequest("Bad site or room", reason);
        }

        var user = http?.User ?? c!.User;
        return Security.Sessions.SessionClaims.MaySee(user, site) ? null : Problems.NotFound("Unknown room", $"No room '{site}/{room}'.");
    }
}
