using System.Security.Claims;
using LiveRoom.Contracts.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Security.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveRoom.Dashboard;

/// <summary>
/// Problem answers (RFC 9457) with a title and a message naming the problem, in the reader's language: the page asks
/// with <c>Accept-Language</c> (wwwroot/api.js), and <see cref="Localize"/> writes the Chinese title and detail for a
/// reader who prefers Chinese (RFC 9457 section 3.1.3 allows a title to change "for localization"). A caller that asks
/// for no language (a script, curl) and the logs get English.
/// </summary>
internal static class Problems
{
    /// <summary>The extension carrying both languages' texts until the answer is written; never sent.</summary>
    private const string TextsKey = "liveroom.zh";

    public static ProblemHttpResult Problem(int status, LocalText title, LocalText detail) =>
        TypedResults.Problem(
            detail.English,
            statusCode: status,
            title: title.English,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { [TextsKey] = new Texts(title, detail) });

    public static ProblemHttpResult BadRequest(LocalText title, LocalText detail) => Problem(StatusCodes.Status400BadRequest, title, detail);

    public static ProblemHttpResult NotFound(LocalText title, LocalText detail) => Problem(StatusCodes.Status404NotFound, title, detail);

    public static ProblemHttpResult Conflict(LocalText title, LocalText detail) => Problem(StatusCodes.Status409Conflict, title, detail);

    public static ProblemHttpResult Forbidden(LocalText title, LocalText detail) => Problem(StatusCodes.Status403Forbidden, title, detail);

    public static ProblemHttpResult UnknownSite(string site) =>
        NotFound(new LocalText("Unknown site", "未知站点"), new LocalText($"No site '{site}'.", $"没有站点“{site}”。"));

    /// <summary>No such room (or one of a site the caller may not see): 404.</summary>
    public static ProblemHttpResult UnknownRoom(string site, string room) =>
        NotFound(new LocalText("Unknown room", "未知直播间"), new LocalText($"No room '{site}/{room}'.", $"没有直播间“{site}/{room}”。"));

    /// <summary>A site and room in a request's path: 400 when either is not an identifier, 404 when <paramref name="user"/> may not see the site.</summary>
    public static ProblemHttpResult? CheckRoom(string site, string room, ClaimsPrincipal user) =>
        CheckIds(site, room) ?? (user.MaySee(site) ? null : UnknownRoom(site, room));

    /// <summary>A site and room in a request's path: 400 naming the first that is not an identifier, else null.</summary>
    public static ProblemHttpResult? CheckIds(string site, string room) =>
        (Identifier.Check(site) ?? Identifier.Check(room)) is { } reason ? BadRequest(new LocalText("Bad site or room", "站点或直播间无效"), reason) : null;

    /// <summary>A time range refused by <c>SeriesRange.TryCreate</c>: 400.</summary>
    public static ProblemHttpResult BadTimeRange(LocalText? reason) =>
        BadRequest(new LocalText("Bad time range", "时间范围无效"), reason ?? new LocalText("no range", "没有时间范围"));

    /// <summary>InfluxDB did not answer a query: 503 with what the query client said (its own words, in English).</summary>
    public static ProblemHttpResult InfluxUnavailable(string reason) =>
        Problem(StatusCodes.Status503ServiceUnavailable, new LocalText("InfluxDB unavailable", "InfluxDB 不可用"), new LocalText(reason, "数据库暂时无法查询：" + reason));

    /// <summary>
    /// <c>ProblemDetailsOptions.CustomizeProblemDetails</c>: a problem made here is written in the request's language
    /// (<c>Content-Language</c> says which; <c>Vary: Accept-Language</c> keeps caches apart). Others are left as made.
    /// </summary>
    public static void Localize(ProblemDetailsContext context)
    {
        if (!context.ProblemDetails.Extensions.Remove(TextsKey, out var value) || value is not Texts texts)
        {
            return;
        }

        var response = context.HttpContext.Response;
        var language = Languages.FromAcceptLanguage(context.HttpContext.Request.Headers.AcceptLanguage.ToString());
        response.Headers.Append("Vary", "Accept-Language");
        response.Headers.ContentLanguage = Languages.Tag(language);
        context.ProblemDetails.Title = texts.Title.In(language);
        context.ProblemDetails.Detail = texts.Detail.In(language);
    }

    private sealed record Texts(LocalText Title, LocalText Detail);
}
