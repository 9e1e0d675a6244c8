using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Rooms;

/// <summary><c>/api/rooms/*</c>: what the room wall shows, as a snapshot and as a live event stream.</summary>
internal static partial class RoomsApi
{
    public static IEndpointRouteBuilder MapRoomsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rooms").RequireAuthorization(Policies.View).WithTags("rooms");
        api.MapGet("/live", GetLiveAsync);
        api.MapGet("/live/events", GetLiveEvents);
        api.MapRoomSeriesApi();
        return app;
    }

    /// <summary>
    /// The wall snapshot, shared with every other client for one push interval (<see cref="LiveRoomsSnapshot"/>); with
    /// <c>?history=true</c> read afresh, with each room's last 5 minutes at 10 s resolution (the page asks once, then follows the events).
    /// </summary>
    internal static async Task<Results<Ok<LiveRoomsResponse>, ProblemHttpResult>> GetLiveAsync(
        bool? history,
        LiveRoomsSnapshot snapshot,
        LiveRoomsQuery query,
        ClaimsPrincipal user,
        Lifecycle.RoomStateCache states,
        Mqtt.EdgeLink link,
        Schedules.ScheduleStore schedule,
        Alerting.OpenAlertsWatch openAlerts,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (history != true)
        {
            var reading = await snapshot.GetAsync(cancellationToken);
            return reading.Live is { } live ? TypedResults.Ok(ForUser(live, user, states, link.CollectorStatus(), openAlerts.Current)) : Unavailable(reading.Failure);
        }

        try
        {
            var body = await query.GetAsync(history: true, cancellationToken);
            return TypedResults.Ok(ForUser(body with { Shows = LiveShows.InProgress(schedule, time.GetUtcNow()) }, user, states, link.CollectorStatus(), openAlerts.Current));
        }
        catch (InfluxQueryException ex)
        {
            // InfluxDB down is expected now and then: the page says so and keeps polling (issue 8, bad input).
            LogInfluxFailed(loggers.CreateLogger(typeof(RoomsApi)), ex.Message);
            return Unavailable(ex.Message);
        }
    }

    /// <summary>
    /// Server-sent events: a <c>rooms</c> event with the same body as <c>GET /api/rooms/live</c> every
    /// <c>Dashboard:LivePushInterval</c> — when InfluxDB fails, without rooms and with <c>metricsProblem</c> naming the
    /// failure, so that room states, shows and open alerts (which do not come from InfluxDB) stay current; first a
    /// <c>collector</c> event (<see cref="Collectors.CollectorStatusView"/>), which matters most when data stops. The stream ends
    /// when the session ends (logout, timeout), so a signed-out browser stops receiving data.
    /// </summary>
    internal static ServerSentEventsResult<string> GetLiveEvents(
        LiveRoomsSnapshot snapshot,
        ClaimsPrincipal user,
        Lifecycle.RoomStateCache states,
        Mqtt.EdgeLink link,
        Alerting.OpenAlertsWatch openAlerts,
        SessionStore sessions,
        IOptions<DashboardOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(LiveEventsAsync(snapshot, user, states, link, openAlerts, sessions, options.Value, time, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> LiveEventsAsync(
        LiveRoomsSnapshot snapshot,
        ClaimsPrincipal user,
        Lifecycle.RoomStateCache states,
        Mqtt.EdgeLink link,
        Alerting.OpenAlertsWatch openAlerts,
        SessionStore sessions,
        DashboardOptions options,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sessionHash = user.FindFirst(SessionClaims.SessionHash)?.Value;
        while (!cancellationToken.IsCancellationRequested)
        {
            // One reading per interval for every client; the user's sites and the room states are applied per client.
            LiveRoomsReading reading;
            try
            {
                reading = await snapshot.GetAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            var collector = link.CollectorStatus();
            yield return new SseItem<string>(JsonSerializer.Serialize(collector, DashboardJsonContext.Default.CollectorStatusView), "collector");
            var body = reading.Live ?? reading.WithoutMetrics!;
            yield return new SseItem<string>(JsonSerializer.Serialize(ForUser(body, user, states, collector, openAlerts.Current), DashboardJsonContext.Default.LiveRoomsResponse), "rooms");
            try
            {
                await Task.Delay(options.LivePushInterval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            // A kiosk screen has no session; a signed-in user's stream ends with the session.
            if (sessionHash is not null
                && (sessions.FindByHash(sessionHash) is not { } session || time.GetUtcNow() - session.CreatedAt > options.Security.AbsoluteTimeout))
            {
                yield break;
            }
        }
    }

    /// <summary>Only the sites the user may see (a user scoped to sites sees nothing of the others); the collector's status is for everyone.</summary>
    internal static LiveRoomsResponse ForUser(
        LiveRoomsResponse response, ClaimsPrincipal user, Lifecycle.RoomStateCache? states = null, Collectors.CollectorStatusView? collector = null, Alerting.OpenAlertsView? openAlerts = null) =>
        response with
        {
            OpenAlerts = openAlerts is null ? response.OpenAlerts : Alerting.OpenAlertsApi.ForUser(openAlerts, user).Items,
            OpenAlertsProblem = openAlerts is null ? response.OpenAlertsProblem : openAlerts.Problem,
            Rooms = response.Rooms.Where(r => user.MaySee(r.Site)).ToList(),
            Alerts = response.Alerts?.Where(a => user.MaySee(a.Site)).ToList(),
            Shows = response.Shows?.Where(s => user.MaySee(s.Site)).ToList(),
            History = response.History?.Where(h => user.MaySee(h.Site)).ToList(),
            States = states?.All().Where(s => user.MaySee(s.Site)).ToList() ?? response.States,
            Collector = collector ?? response.Collector,
        };

    private static ProblemHttpResult Unavailable(string? reason) => Problems.InfluxUnavailable(reason ?? "no answer");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live rooms query failed: {Reason}")]
    private static partial void LogInfluxFailed(ILogger logger, string reason);
}
