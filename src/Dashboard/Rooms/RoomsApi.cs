using LiveRoom.Dashboard.Influx;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.Rooms;

/// <summary><c>/api/rooms/*</c>: what the room wall shows.</summary>
internal static partial class RoomsApi
{
    public static IEndpointRouteBuilder MapRoomsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rooms");
        api.MapGet("/live", GetLiveAsync);
        return app;
    }

    internal static async Task<Results<Ok<LiveRoomsResponse>, ProblemHttpResult>> GetLiveAsync(
        LiveRoomsQuery query,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await query.GetAsync(cancellationToken));
        }
        catch (InfluxQueryException ex)
        {
            // InfluxDB down is expected now and then: the page says so and keeps polling (issue 8, bad input).
            LogInfluxFailed(loggers.CreateLogger(typeof(RoomsApi)), ex.Message);
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "InfluxDB unavailable");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live rooms query failed: {Reason}")]
    private static partial void LogInfluxFailed(ILogger logger, string reason);
}
