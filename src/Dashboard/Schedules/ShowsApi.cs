using System.Globalization;
using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Schedules.Import;
using LiveRoom.Dashboard.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>
/// <c>/api/sites/{site}/shows</c>: a site's shows (technicians, managers and admins edit). Overlaps in a room are refused
/// with 409 naming the other show; shows in the past, end not after start, unknown rooms with 400.
/// </summary>
internal static class ShowsApi
{
    public static RouteGroupBuilder MapShowsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{site}/shows", List).WithSummary("Shows of a site (optionally one room) between from and to (default: now to +30 days)");
        api.MapGet("/{site}/shows/{id}", Get).WithSummary("One show");
        api.MapPost("/{site}/shows", Create).RequireAuthorization(Policies.Schedule).RequireCsrf().WithSummary("Schedule a show");
        api.MapPut("/{site}/shows/{id}", Update).RequireAuthorization(Policies.Schedule).RequireCsrf().WithSummary("Change a show");
        api.MapDelete("/{site}/shows/{id}", Delete).RequireAuthorization(Policies.Schedule).RequireCsrf().WithSummary("Cancel a show that has not ended");
        api.MapPost("/{site}/shows/import", ImportAsync)
            .RequireAuthorization(Policies.Schedule)
            .RequireCsrf()
            .WithSummary("Import an iCalendar (text/calendar) or CSV (text/csv) schedule: all shows or none")
            // Not .Accepts(): routing would then answer another media type with a 415 endpoint that has no rule of its own
            // (denied by the fallback policy); the handler names the accepted types instead.
            .WithDescription("Body: an .ics file as text/calendar, or a CSV file as text/csv with header room,start,end,title,host"
                + "[,width,height,fps,min_bitrate,max_bitrate] and an optional uid column. A malformed line or an overlap refuses the whole"
                + " file, naming the line. Re-importing is a sync: shows from the same calendar UID and original start (or CSV uid) are"
                + " updated in place with their id, future occurrences of the file's UIDs it no longer holds are removed, past shows kept.");
        return api;
    }

    internal static Results<Ok<List<ShowResponse>>, ProblemHttpResult> List(string site, string? room, string? from, string? to, ScheduleApiContext c)
    {
        if (c.Site(site) is not { } found)
        {
            return Problems.UnknownSite(site);
        }

        var start = Rooms.RoomSeriesApi.ParseTime(from) ?? c.Now;
        var end = Rooms.RoomSeriesApi.ParseTime(to) ?? start.AddDays(30);
        if ((from is not null && Rooms.RoomSeriesApi.ParseTime(from) is null) || (to is not null && Rooms.RoomSeriesApi.ParseTime(to) is null) || end <= start)
        {
            return Problems.BadRequest(BadPeriod, new(
                "from and to must be times (ISO 8601 or Unix milliseconds) with from before to.",
                "from 和 to 必须是时间（ISO 8601 或 Unix 毫秒），且 from 早于 to。"));
        }

        if (end - start > TimeSpan.FromDays(400))
        {
            return Problems.BadRequest(BadPeriod, new("at most 400 days at once", "一次最多 400 天"));
        }

        return TypedResults.Ok(c.Store.ListShows(site, string.IsNullOrEmpty(room) ? null : room, start, end).Select(s => Response(s, found.Zone, found.Site.TimeZone)).ToList());
    }

    internal static Results<Ok<ShowResponse>, ProblemHttpResult> Get(string site, string id, ScheduleApiContext c) =>
        c.Site(site) is { } found && c.Store.FindShow(site, id) is { } show
            ? TypedResults.Ok(Response(show, found.Zone, found.Site.TimeZone))
            : UnknownShow(site, id);

    internal static Results<Created<ShowResponse>, ProblemHttpResult> Create(string site, ShowRequest body, ScheduleApiContext c) =>
        Save(site, null, body, c) switch
        {
            (ShowResponse created, null) => TypedResults.Created($"/api/sites/{site}/shows/{created.Id}", created),
            (_, var problem) => problem!,
        };

    internal static Results<Ok<ShowResponse>, ProblemHttpResult> Update(string site, string id, ShowRequest body, ScheduleApiContext c) =>
        Save(site, id, body, c) switch
        {
            (ShowResponse updated, null) => TypedResults.Ok(updated),
            (_, var problem) => problem!,
        };

    internal static Results<NoContent, ProblemHttpResult> Delete(string site, string id, ScheduleApiContext c)
    {
        if (c.Site(site) is null || c.Store.FindShow(site, id) is not { } show)
        {
            return UnknownShow(site, id);
        }

        if (show.End <= c.Now)
        {
            return Problems.BadRequest(
                new LocalText("Show not deleted", "场次未删除"),
                new LocalText($"Show '{show.Title}' has ended; it stays as a record.", $"场次“{show.Title}”已结束，作为记录保留。"));
        }

        c.Store.DeleteShow(site, id);
        c.Audit(ScheduleAuditActions.ShowDelete, $"{site}/{show.Room}/{id}", "ok", show.Title);
        c.Changes.RoomChanged(site, show.Room);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        string site, HttpRequest request, ScheduleApiContext c, ScheduleImporter importer, IOptions<DashboardOptions> options, CancellationToken cancellationToken)
    {
        if (c.Site(site) is not { } found)
        {
            return Problems.UnknownSite(site);
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not (ScheduleImporter.Calendar or ScheduleImporter.Csv))
        {
            return Problems.Problem(
                StatusCodes.Status415UnsupportedMediaType,
                NotImported,
                new(
                    $"Content-Type '{request.ContentType}' is not a schedule; send {ScheduleImporter.Calendar} (.ics) or {ScheduleImporter.Csv} (.csv).",
                    $"Content-Type“{request.ContentType}”不是排期文件；请发送 {ScheduleImporter.Calendar}（.ics）或 {ScheduleImporter.Csv}（.csv）。"));
        }

        if (request.ContentLength > DashboardDefaults.MaxImportBytes)
        {
            return Problems.BadRequest(NotImported, TooLarge);
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var buffer = new char[DashboardDefaults.MaxImportBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > DashboardDefaults.MaxImportBytes)
        {
            return Problems.BadRequest(NotImported, TooLarge);
        }

        var outcome = importer.Import(found.Site, found.Zone, mediaType, new string(buffer, 0, read), c.Now, options.Value.ImportHorizon);
        if (outcome.Error is not null)
        {
            c.Audit(ScheduleAuditActions.ShowImport, site, "failed", outcome.Error.Value.English);
            return Problems.Problem(outcome.Status, NotImported, outcome.Error.Value);
        }

        var sync = outcome.Sync!;
        c.Audit(ScheduleAuditActions.ShowImport, site, "ok", $"{mediaType} {sync.Counts()}");

        // The edge's retained schedule is rebuilt from the store: rooms with added, updated or removed shows are pushed.
        foreach (var room in sync.ChangedRooms())
        {
            c.Changes.RoomChanged(site, room);
        }

        return TypedResults.Ok(outcome.Response!);
    }

    private static (ShowResponse? Show, ProblemHttpResult? Problem) Save(string site, string? id, ShowRequest body, ScheduleApiContext c)
    {
        var title = id is null ? new LocalText("Show not created", "场次未创建") : new LocalText("Show not changed", "场次未修改");
        var action = id is null ? ScheduleAuditActions.ShowCreate : ScheduleAuditActions.ShowUpdate;
        if (c.Site(site) is not { } found)
        {
            return (null, Problems.UnknownSite(site));
        }

        ShowRecord? existing = null;
        if (id is not null && (existing = c.Store.FindShow(site, id)) is null)
        {
            return (null, UnknownShow(site, id));
        }

        // A show under way may still be changed (a later end, a new title) as long as its start stays.
        var now = existing is not null && body.Start == existing.Start && existing.End > c.Now ? existing.Start : c.Now;
        var problem = ScheduleRules.CheckId(Words.Room, body.Room)
            ?? (c.Store.FindRoom(site, body.Room!) is null ? new LocalText($"unknown room '{body.Room}' in site '{site}'", $"站点“{site}”没有直播间“{body.Room}”") : (LocalText?)null)
            ?? ScheduleRules.CheckShow(body.Start, body.End, body.Title, body.Host, body.Profile, now, found.Zone, found.Site.TimeZone);
        if (problem is not null)
        {
            c.Audit(action, $"{site}/{body.Room}/{id}", "failed", problem.Value.English);
            return (null, Problems.BadRequest(title, problem.Value));
        }

        var show = new ShowRecord(id ?? ShowIds.New(), site, body.Room!, body.Start!.Value.ToUniversalTime(), body.End!.Value.ToUniversalTime(), body.Title!.Trim(), body.Host?.Trim() ?? string.Empty, body.Profile)
        {
            // An imported show edited by hand stays the calendar's: the next import of its file updates it again.
            SourceKey = existing?.SourceKey,
        };
        if (c.Store.TrySave([show], replacing: id) is { } conflict)
        {
            var message = ScheduleRules.Describe(conflict, found.Zone, found.Site.TimeZone);
            c.Audit(action, $"{site}/{show.Room}/{show.Id}", "failed", message.English);
            return (null, Problems.Conflict(title, message));
        }

        c.Audit(action, $"{site}/{show.Room}/{show.Id}", "ok", $"{show.Title} {show.Start:O}..{show.End:O}");
        c.Changes.RoomChanged(site, show.Room);
        if (existing is not null && !string.Equals(existing.Room, show.Room, StringComparison.Ordinal))
        {
            c.Changes.RoomChanged(site, existing.Room);
        }

        return (Response(show, found.Zone, found.Site.TimeZone), null);
    }

    private static LocalText BadPeriod => new("Bad period", "时间范围无效");

    private static LocalText NotImported => new("Schedule not imported", "排期未导入");

    private static LocalText TooLarge => new(
        string.Create(CultureInfo.InvariantCulture, $"the file is larger than {DashboardDefaults.MaxImportBytes / 1024 / 1024} MiB"),
        string.Create(CultureInfo.InvariantCulture, $"文件大于 {DashboardDefaults.MaxImportBytes / 1024 / 1024} MiB"));

    private static ProblemHttpResult UnknownShow(string site, string id) =>
        Problems.NotFound(new LocalText("Unknown show", "未知场次"), new LocalText($"No show '{id}' in site '{site}'.", $"站点“{site}”没有场次“{id}”。"));

    internal static ShowResponse Response(ShowRecord s, TimeZoneInfo zone, string zoneName) =>
        new(s.Id, s.Site, s.Room, s.Start, s.End, TimeZoneInfo.ConvertTime(s.Start, zone), TimeZoneInfo.ConvertTime(s.End, zone), zoneName, s.Title, s.Host, s.Profile);
}
