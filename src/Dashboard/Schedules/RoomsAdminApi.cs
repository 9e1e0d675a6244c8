using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.Schedules;

/// <summary><c>/api/sites/{site}/rooms</c>: the rooms of a site (managers and admins edit).</summary>
internal static class RoomsAdminApi
{
    public static RouteGroupBuilder MapRoomsAdminApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{site}/rooms", List).WithSummary("Rooms of a site");
        api.MapPost("/{site}/rooms", Create).RequireAuthorization(Policies.ManageSites).RequireCsrf().WithSummary("Add a room");
        api.MapPut("/{site}/rooms/{room}", Update).RequireAuthorization(Policies.ManageSites).RequireCsrf().WithSummary("Rename a room");
        api.MapDelete("/{site}/rooms/{room}", Delete).RequireAuthorization(Policies.ManageSites).RequireCsrf().WithSummary("Delete a room with no upcoming shows");
        return api;
    }

    internal static Results<Ok<List<RoomResponse>>, ProblemHttpResult> List(string site, ScheduleApiContext c) =>
        c.Site(site) is null
            ? Problems.UnknownSite(site)
            : TypedResults.Ok(c.Store.ListRooms(site).Select(r => new RoomResponse(r.Site, r.Id, r.Name)).ToList());

    internal static Results<Created<RoomResponse>, ProblemHttpResult> Create(string site, RoomRequest body, ScheduleApiContext c)
    {
        if (c.Site(site) is null)
        {
            return Problems.UnknownSite(site);
        }

        if ((ScheduleRules.CheckId(Words.Room, body.Id) ?? ScheduleRules.CheckText(Words.Name, body.Name, ScheduleRules.MaxName)) is { } problem)
        {
            c.Audit(ScheduleAuditActions.RoomCreate, $"{site}/{body.Id}", "failed", problem.English);
            return Problems.BadRequest(NotCreated, problem);
        }

        var room = new RoomRecord(site, body.Id!, body.Name!.Trim());
        if (!c.Store.TryCreateRoom(room))
        {
            c.Audit(ScheduleAuditActions.RoomCreate, $"{site}/{room.Id}", "failed", "id taken");
            return Problems.Conflict(NotCreated, new($"Site '{site}' already has a room '{room.Id}'.", $"站点“{site}”已有直播间“{room.Id}”。"));
        }

        c.Audit(ScheduleAuditActions.RoomCreate, $"{site}/{room.Id}", "ok", $"name={room.Name}");
        c.Changes.RoomChanged(site, room.Id);
        return TypedResults.Created($"/api/sites/{site}/rooms/{room.Id}", new RoomResponse(site, room.Id, room.Name));
    }

    internal static Results<Ok<RoomResponse>, ProblemHttpResult> Update(string site, string room, RoomRequest body, ScheduleApiContext c)
    {
        if (c.Site(site) is null || c.Store.FindRoom(site, room) is null)
        {
            return Problems.UnknownRoom(site, room);
        }

        if (ScheduleRules.CheckText(Words.Name, body.Name, ScheduleRules.MaxName) is { } problem)
        {
            return Problems.BadRequest(new LocalText("Room not changed", "直播间未修改"), problem);
        }

        c.Store.UpdateRoom(site, room, body.Name!.Trim());
        c.Audit(ScheduleAuditActions.RoomUpdate, $"{site}/{room}", "ok", $"name={body.Name}");
        return TypedResults.Ok(new RoomResponse(site, room, body.Name.Trim()));
    }

    internal static Results<NoContent, ProblemHttpResult> Delete(string site, string room, ScheduleApiContext c)
    {
        if (c.Site(site) is null || c.Store.FindRoom(site, room) is null)
        {
            return Problems.UnknownRoom(site, room);
        }

        if (c.Store.Upcoming(site, room, c.Now, 1) is { Count: > 0 } upcoming)
        {
            c.Audit(ScheduleAuditActions.RoomDelete, $"{site}/{room}", "failed", "has upcoming shows");
            return Problems.Conflict(
                new LocalText("Room not deleted", "直播间未删除"),
                new LocalText(
                    $"Room '{site}/{room}' has upcoming shows (next: '{upcoming[0].Title}'); delete them first.",
                    $"直播间“{site}/{room}”还有待开始的场次（下一场：“{upcoming[0].Title}”）；请先删除这些场次。"));
        }

        c.Store.DeleteRoom(site, room);
        c.Audit(ScheduleAuditActions.RoomDelete, $"{site}/{room}", "ok");
        c.Changes.RoomChanged(site, room);
        return TypedResults.NoContent();
    }

    private static LocalText NotCreated => new("Room not created", "直播间未创建");
}
