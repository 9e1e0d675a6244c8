using System.Globalization;
using System.Security.Claims;
using LiveRoom.Contracts.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Security.Sessions;
using LiveRoom.Dashboard.Series;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.Rooms;

/// <summary><c>GET /api/rooms/{site}/{room}/series?from=&amp;to=&amp;width=</c>: the room page's panels, downsampled.</summary>
internal static class RoomSeriesApi
{
    public static RouteGroupBuilder MapRoomSeriesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{site}/{room}/series", GetSeriesAsync);
        return api;
    }

    internal static async Task<Results<Ok<RoomSeriesResponse>, ProblemHttpResult>> GetSeriesAsync(
        string site,
        string room,
        string? from,
        string? to,
        int? width,
        ClaimsPrincipal user,
        RoomSeriesQuery query,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (Problems.CheckIds(site, room) is { } bad)
        {
            return bad;
        }

        // A room of a site the user may not see is "not found" for them, as for a room that does not exist.
        if (!user.MaySee(site) || await query.RoomExistsAsync(site, room, cancellationToken) == false)
        {
            return Problems.NotFound(new LocalText("Unknown room", "未知直播间"), new LocalText($"No room '{site}/{room}' has reported.", $"直播间“{site}/{room}”从未上报过数据。"));
        }

        var range = SeriesRange.TryCreate(ParseTime(from), ParseTime(to), width, time.GetUtcNow(), out var error);
        if (range is null)
        {
            return Problems.BadTimeRange(error);
        }

        return TypedResults.Ok(await query.GetAsync(site, room, range, cancellationToken));
    }

    internal static DateTimeOffset? ParseTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return ms is >= -62_135_596_800_000 and <= 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
    }
}

