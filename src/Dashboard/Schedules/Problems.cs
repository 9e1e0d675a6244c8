using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>Problem answers (RFC 9457) with a title and a message naming the problem.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static ProblemHttpResult Forbidden(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: title);

    public static ProblemHttpResult UnknownSite(string site) => NotFound("Unknown site", $"No site '{site}'.");
}
