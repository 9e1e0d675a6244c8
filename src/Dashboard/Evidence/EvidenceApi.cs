using LiveRoom.Contracts.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Sessions;
using LiveRoom.Dashboard.Series;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace LiveRoom.Dashboard.Evidence;

/// <summary>
/// A room's evidence thumbnails (issue 5 item 5), for every signed-in role: the list for a time range, a JPEG itself
/// (immutable: a name is never reused, so browsers cache it), and the newest one for the wall tile.
/// </summary>
internal static class EvidenceApi
{
    private const int MaxListed = 2000;

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rooms/{site}/{room}/thumbnails").RequireAuthorization(Policies.View).WithTags("evidence");
        api.MapGet("/", List).WithSummary("Evidence thumbnails of a room between from and to (default: the last 24 h), oldest first");
        api.MapGet("/latest", Latest).WithSummary("The room's newest evidence thumbnail (JPEG)");
        api.MapGet("/{name}", Get).WithSummary("One evidence thumbnail (JPEG)");
        return app;
    }

    internal static Results<Ok<ThumbnailList>, ProblemHttpResult> List(string site, string room, string? from, string? to, HttpContext http, ThumbnailStore store, TimeProvider time)
    {
        if (Check(site, room, http) is { } problem)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var range = SeriesRange.TryCreate(RoomSeriesApi.ParseTime(from) ?? now.AddDays(-1), RoomSeriesApi.ParseTime(to) ?? now, null, now, out var error);
        if (range is null)
        {
            return Problems.BadTimeRange(error);
        }

        return TypedResults.Ok(new ThumbnailList(site, room, range.From, range.To, store.List(site, room, range.From, range.To, MaxListed)));
    }

    internal static IResult Latest(string site, string room, HttpContext http, ThumbnailStore store)
    {
        if (Check(site, room, http) is { } problem)
        {
            return problem;
        }

        if (store.Latest(site, room, candidates: false) is not { } latest || store.PathOf(site, room, latest.Name) is not { } path)
        {
            return Problems.NotFound(NoThumbnail, new($"No evidence thumbnail has been received from room '{site}/{room}'.", $"尚未收到直播间“{site}/{room}”的证据截图。"));
        }

        if (Open(path) is not { } picture)
        {
            return Problems.NotFound(NoThumbnail, new($"The newest thumbnail of room '{site}/{room}' was just removed; ask again.", $"直播间“{site}/{room}”的最新截图刚被删除；请重试。"));
        }

        // The newest changes every few minutes: revalidate, never cache long.
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-cache";
        http.Response.Headers["X-Thumbnail-Time"] = latest.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(picture, "image/jpeg", lastModified: latest.Time, enableRangeProcessing: false);
    }

    internal static IResult Get(string site, string room, string name, HttpContext http, ThumbnailStore store)
    {
        if (Check(site, room, http) is { } problem)
        {
            return problem;
        }

        if (store.PathOf(site, room, name) is not { } path || Open(path) is not { } picture)
        {
            return Problems.NotFound(NoThumbnail, new(
                $"No thumbnail '{name}' of room '{site}/{room}' (removed after the retention, or never received).",
                $"直播间“{site}/{room}”没有截图“{name}”（已过保留期被删除，或从未收到）。"));
        }

        http.Response.Headers[HeaderNames.CacheControl] = "private, max-age=31536000, immutable";
        return TypedResults.File(picture, "image/jpeg", enableRangeProcessing: false);
    }

    /// <summary>The picture opened for the answer (which disposes it); null when the retention sweep removed it after it was found.</summary>
    internal static FileStream? Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    internal static ProblemHttpResult? Check(string site, string room, HttpContext http) => Problems.CheckRoom(site, room, http.User);

    private static LocalText NoThumbnail => new("No thumbnail", "没有截图");
}
