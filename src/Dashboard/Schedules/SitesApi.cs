using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.Schedules;

/// <summary><c>/api/sites</c>: sites with their time zone (managers and admins edit; everyone signed in reads).</summary>
internal static class SitesApi
{
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sites").RequireAuthorization(Policies.View).WithTags("sites");
        api.MapGet("/", List).WithSummary("Sites the user may see, with rooms and manual checklist items");
        api.MapGet("/{site}", Get).WithSummary("One site");
        api.MapPost("/", Create).RequireAuthorization(Policies.ManageSites).RequireCsrf().WithSummary("Create a site (id, name, IANA time zone)");
        api.MapPut("/{site}", Update).RequireAuthorization(Policies.ManageSites).RequireCsrf().WithSummary("Rename a site or change its time zone");
        api.MapDelete("/{site}", Delete).RequireAuthorization(Policies.ManageSites).RequireCsrf().WithSummary("Delete a site without rooms");
        api.MapRoomsAdminApi();
        api.MapManualItemsApi();
        api.MapShowsApi();
        return app;
    }

    internal static Ok<List<SiteResponse>> List(ScheduleApiContext c) =>
        TypedResults.Ok(c.Store.ListSites().Where(s => c.User.MaySee(s.Id)).Select(s => Response(c, s)).ToList());

    internal static Results<Ok<SiteResponse>, ProblemHttpResult> Get(string site, ScheduleApiContext c) =>
        c.Site(site) is { } found ? TypedResults.Ok(Response(c, found.Site)) : Problems.UnknownSite(site);

    internal static Results<Created<SiteResponse>, ProblemHttpResult> Create(SiteRequest body, ScheduleApiContext c)
    {
        if (Check(body.Id, body.Name, body.TimeZone, out var zoneName) is { } problem)
        {
            c.Audit(ScheduleAuditActions.SiteCreate, body.Id ?? "-", "failed", problem.English);
            return Problems.BadRequest(NotCreated, problem);
        }

        if (!c.User.MaySee(body.Id!))
        {
            return Problems.Forbidden(NotCreated, new($"Your account is limited to other sites than '{body.Id}'.", $"你的账号仅限于其他站点，不包括“{body.Id}”。"));
        }

        var site = new SiteRecord(body.Id!, body.Name!.Trim(), zoneName!, []);
        if (!c.Store.TryCreateSite(site))
        {
            c.Audit(ScheduleAuditActions.SiteCreate, site.Id, "failed", "id taken");
            return Problems.Conflict(NotCreated, new($"A site '{site.Id}' exists.", $"站点“{site.Id}”已存在。"));
        }

        c.Audit(ScheduleAuditActions.SiteCreate, site.Id, "ok", $"name={site.Name} tz={site.TimeZone}");
        return TypedResults.Created($"/api/sites/{site.Id}", Response(c, site));
    }

    internal static Results<Ok<SiteResponse>, ProblemHttpResult> Update(string site, SiteRequest body, ScheduleApiContext c)
    {
        if (c.Site(site) is null)
        {
            return Problems.UnknownSite(site);
        }

        if (Check(site, body.Name, body.TimeZone, out var zoneName) is { } problem)
        {
            c.Audit(ScheduleAuditActions.SiteUpdate, site, "failed", problem.English);
            return Problems.BadRequest(new LocalText("Site not changed", "站点未修改"), problem);
        }

        c.Store.UpdateSite(site, body.Name!.Trim(), zoneName!);
        c.Audit(ScheduleAuditActions.SiteUpdate, site, "ok", $"name={body.Name} tz={zoneName}");
        c.SiteChanged(site);
        return TypedResults.Ok(Response(c, c.Store.FindSite(site)!));
    }

    internal static Results<NoContent, ProblemHttpResult> Delete(string site, ScheduleApiContext c)
    {
        if (c.Site(site) is null)
        {
            return Problems.UnknownSite(site);
        }

        if (c.Store.ListRooms(site) is { Count: > 0 } rooms)
        {
            c.Audit(ScheduleAuditActions.SiteDelete, site, "failed", "has rooms");
            var ids = string.Join(", ", rooms.Select(r => r.Id));
            return Problems.Conflict(
                new LocalText("Site not deleted", "站点未删除"),
                new LocalText($"Site '{site}' still has rooms ({ids}); delete them first.", $"站点“{site}”还有直播间（{ids}）；请先删除它们。"));
        }

        c.Store.DeleteSite(site);
        c.Audit(ScheduleAuditActions.SiteDelete, site, "ok");
        return TypedResults.NoContent();
    }

    internal static SiteResponse Response(ScheduleApiContext c, SiteRecord s) =>
        new(s.Id, s.Name, s.TimeZone, s.Manual, c.Store.ListRooms(s.Id).Select(r => new RoomResponse(r.Site, r.Id, r.Name)).ToList());

    private static LocalText NotCreated => new("Site not created", "站点未创建");

    private static LocalText? Check(string? id, string? name, string? timeZone, out string? zoneName)
    {
        zoneName = null;
        if ((ScheduleRules.CheckId(Words.Site, id) ?? ScheduleRules.CheckText(Words.Name, name, ScheduleRules.MaxName)) is { } problem)
        {
            return problem;
        }

        return TimeZones.TryResolve(timeZone, out _, out zoneName, out var reason) ? null : reason;
    }
}
