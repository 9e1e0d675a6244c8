using System.Text.Json;
using LiveRoom.Contracts.Text;
using LiveRoom.Contracts.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard;

/// <summary>
/// A request whose body or parameters an endpoint cannot read gets a problem saying what is wrong and where, in the
/// reader's language ("The body of POST /api/users/ is not what it takes: a value has the wrong type: expected a string,
/// got a number (at $.name)"). Without this, ASP.NET Core answers a bare 400 — and in Development its stack trace.
/// Binding happens before an endpoint's own code, so the failure is caught around the endpoints.
/// </summary>
internal static class UnreadableRequests
{
    private static readonly LocalText Title = new("Request not read", "无法读取请求");

    public static IServiceCollection AddUnreadableRequestProblems(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

    public static IApplicationBuilder UseUnreadableRequestProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await Problem(context.Request, ex).ExecuteAsync(context);
            return;
        }

        // A body that is not JSON at all is answered 415 with nothing in it, without an exception.
        if (context.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType && !context.Response.HasStarted)
        {
            var what = What(context.Request);
            var got = context.Request.ContentType ?? "no Content-Type";
            await Problems.Problem(
                StatusCodes.Status415UnsupportedMediaType,
                Title,
                new($"{what} takes JSON (Content-Type: application/json), got {got}.", $"{what} 需要 JSON（Content-Type: application/json），收到的是 {got}。")).ExecuteAsync(context);
        }
    });

    internal static ProblemHttpResult Problem(HttpRequest request, BadHttpRequestException ex)
    {
        var what = What(request);
        LocalText detail = ex switch
        {
            { InnerException: JsonException json } when JsonProblem.Describe(json) is var problem =>
                new($"The body of {what} is not what it takes: {problem}.", $"{what} 的请求体不符合要求：{problem}。"),
            _ when ex.Message.Contains("no body was provided", StringComparison.Ordinal) || ex.Message.Contains("was not provided from body", StringComparison.Ordinal) =>
                new($"The body of {what} is empty: it takes JSON.", $"{what} 的请求体为空：需要 JSON。"),
            // Too large (413), a route or query value of the wrong form: ASP.NET Core's text names it.
            _ => new($"{what}: {ex.Message}", $"{what}：{ex.Message}"),
        };
        return Problems.Problem(ex.StatusCode, Title, detail);
    }

    private static string What(HttpRequest request) => $"{request.Method} {request.Path}";
}
