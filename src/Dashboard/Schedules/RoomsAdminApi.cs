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

        if ((ScheduleRules.CheckId("room", body.Id) ?? ScheduleRules.CheckText("name", body.Name, ScheduleRules.MaxName)) is { } problem)
        {
            c.Audit(ScheduleAuditActions.RoomCreate, $"{site}/{body.Id}", "failed", problem);
            return Problems.BadRequest("Room not created", problem);
        }

        var room = new RoomRecord(site, body.Id!, body.Name!.Trim());
        if (!c.Store.TryCreateRoom(room))
        {
            c.Audit(ScheduleAuditActions.RoomCreate, $"{site}/{room.Id}", "failed", "id taken");
            return Problems.Conflict("Room not created", $"Site '{site}' already has a room '{room.Id}'.");
        }

        c.Audit(ScheduleAuditActions.RoomCreate, $"{site}/{room.Id}", "ok", $"name={room.Name}");
        c.Changes.RoomChanged(site, room.Id);
        return TypedResults.Created($"/api/sites/{site}/rooms/{room.Id}", new RoomResponse(site, room.Id, room.Name));
    }

    internal static Results<Ok<RoomResponse>, ProblemHttpResult> Update(string site, string room, RoomRequest body, ScheduleApiContext c)
    {
        if (c.Site(site) is null || c.Store.FindRoom(site, room) is null)
        {
            return Problems.NotFound("Unknown room", $"No room '{site}/{room}'.");
        }

        if (ScheduleRules.CheckText("name", body.Name, ScheduleRules.MaxName) is { } problem)
        {
            return Problems.BadRequest("Room not changed", problem);
        }

        c.Store.UpdateRoom(site, room, body.Name!.Trim());
        c.Audit(ScheduleAuditActions.RoomUpdate, $"{site}/{room}", "ok", $"name={body.Name}");
        return TypedResults.Ok(new RoomResponse(site, room, body.Name.Trim()));
    }

    internal static Results<NoContent, ProblemHttpResult> Delete(string site, string room, ScheduleApiContext c)
    {
        if (c.Site(site) is null || c.Store.FindRoom(site, room) is null)
        {
            return Problems.NotFound("Unknown room", $"No room '{site}/{room}'.");
        }

        if (c.Store.Upcoming(site, room, c.Now, 1) is { Count: > 0 } upcoming)
        {
            c.Audit(ScheduleAuditActions.RoomDelete, $"{site}/{room}", "failed", "has upcoming shows");
            return Problems.Conflict("Room not deleted", $"Room '{site}/{room}' has upcoming shows (next: '{upcoming[0].Title}'); delete them first.");
        }

        c.Store.DeleteRoom(site, room);
        c.Audit(ScheduleAuditActions.RoomDelete, $"{site}/{room}", "ok");
        c.Changes.RoomChanged(site, room);
        return TypedResults.NoContent();
    }
}
