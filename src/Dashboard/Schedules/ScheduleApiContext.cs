using System.Security.Claims;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>What every schedule endpoint needs, bound as one parameter: the store, the audit log, the change sink and the clock.</summary>
internal sealed class ScheduleApiContext(ScheduleStore store, AuditLog audit, IScheduleChanges changes, TimeProvider time, IHttpContextAccessor http)
{
    public ScheduleStore Store { get; } = store;

    public IScheduleChanges Changes { get; } = changes;

    public DateTimeOffset Now => time.GetUtcNow();

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("no request");

    public ClaimsPrincipal User => Http.User;

    public void Audit(string action, string target, string outcome, string? detail = null) =>
        audit.Write(User.UserName(), SessionAuthenticationHandler.Ip(Http), action, target, outcome, detail);

    /// <summary>The site and its zone, or null when it does not exist or the user may not see it (both "not found").</summary>
    public (SiteRecord Site, TimeZoneInfo Zone)? Site(string id)
    {
        if (!User.MaySee(id) || Store.FindSite(id) is not { } site)
        {
            return null;
        }

        // A stored zone was checked when saved; a system without it (tzdata removed) falls back to UTC rather than failing reads.
        return (site, TimeZones.TryResolve(site.TimeZone, out var zone, out _, out _) ? zone : TimeZoneInfo.Utc);
    }

    public void SiteChanged(string site)
    {
        foreach (var room in Store.ListRooms(site))
        {
            Changes.RoomChanged(site, room.Id);
        }
    }
}
