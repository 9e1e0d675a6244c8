using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Schedules;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Rooms;

/// <summary>
/// The room wall's data, read once per <c>Dashboard:LivePushInterval</c> for every wall screen and browser: a caller
/// gets the latest reading while it is younger than the interval; otherwise one refresh runs and every concurrent
/// caller awaits that same refresh. Twenty screens cost InfluxDB and the schedule store what one costs.
/// </summary>
internal sealed partial class LiveRoomsSnapshot(
    IServiceScopeFactory scopes,
    ScheduleStore schedule,
    IOptions<DashboardOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<LiveRoomsSnapshot> logger)
{
    private readonly TimeSpan _interval = options.Value.LivePushInterval;
    private readonly Lock _gate = new();
    private (LiveRoomsReading Reading, long Timestamp)? _latest;
    private Task<LiveRoomsReading>? _refreshing;
    private string? _lastFailure;

    /// <summary>The latest reading, refreshed first when it is a push interval old or older.</summary>
    /// <param name="cancellationToken">Ends this caller's wait only: the refresh goes on for the others.</param>
    /// <returns>The wall, or the InfluxDB failure, shared with every other caller of the same interval.</returns>
    public async Task<LiveRoomsReading> GetAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<LiveRoomsReading>? refresh = null;
        Task<LiveRoomsReading> pending;
        lock (_gate)
        {
            // Monotonic age: a wall clock set back must not keep an old reading for hours.
            if (_latest is { } latest && time.GetElapsedTime(latest.Timestamp) < _interval)
            {
                return latest.Reading;
            }

            if (_refreshing is null)
            {
                refresh = new TaskCompletionSource<LiveRoomsReading>(TaskCreationOptions.RunContinuationsAsynchronously);
                _refreshing = refresh.Task;
            }

            pending = _refreshing;
        }

        if (refresh is not null)
        {
            // Started outside the lock, and never on the caller's token: a wall screen switched off mid-refresh
            // must not cancel the refresh the other screens are waiting for.
            _ = RefreshAsync(refresh);
        }

        return await pending.WaitAsync(cancellationToken);
    }

    /// <summary>Runs one refresh and hands its outcome to every waiter; never throws.</summary>
    private async Task RefreshAsync(TaskCompletionSource<LiveRoomsReading> refresh)
    {
        var stopping = lifetime.ApplicationStopping;
        LiveRoomsReading reading;
        try
        {
            // Bounded by Dashboard:Influx:QueryTimeout (the InfluxDB client's timeout) and by the app stopping.
            reading = await ReadAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Finish(null);
            refresh.TrySetCanceled(stopping);
            return;
        }
        catch (Exception ex)
        {
            // Not InfluxDB (e.g. the schedule store failed): every waiter gets the error, nothing is cached, the next caller tries again.
            LogRefreshFailed(logger, ex);
            Finish(null);
            refresh.TrySetException(ex);
            _ = refresh.Task.Exception; // Logged above; waiters that went away must not make it an unobserved task exception.
            return;
        }

        Finish(reading);
        refresh.TrySetResult(reading);
    }

    private void Finish(LiveRoomsReading? reading)
    {
        lock (_gate)
        {
            // The age counts from the end of the refresh: a slow InfluxDB gets a full interval before the next one.
            if (reading is not null)
            {
                _latest = (reading, time.GetTimestamp());
            }

            _refreshing = null;
        }
    }

    private async Task<LiveRoomsReading> ReadAsync(CancellationToken cancellationToken)
    {
        LiveRoomsResponse live;
        try
        {
            // A scope per refresh: the InfluxDB client is a typed HttpClient, which a singleton must not hold on to.
            await using var scope = scopes.CreateAsyncScope();
            live = await scope.ServiceProvider.GetRequiredService<LiveRoomsQuery>().GetAsync(history: false, cancellationToken);
        }
        catch (InfluxQueryException ex)
        {
            // InfluxDB down is expected now and then (issue 8): every client is told the same failure, retried next interval.
            if (ex.Message != _lastFailure)
            {
                LogInfluxFailed(logger, ex.Message);
                _lastFailure = ex.Message;
            }

            var now = time.GetUtcNow();
            return new LiveRoomsReading(
                null, ex.Message, new LiveRoomsResponse(now, options.Value.StaleAfter.TotalSeconds, [], Shows: LiveShows.InProgress(schedule, now), MetricsProblem: ex.Message));
        }

        if (_lastFailure is not null)
        {
            LogInfluxBack(logger);
            _lastFailure = null;
        }

        return new LiveRoomsReading(live with { Shows = LiveShows.InProgress(schedule, time.GetUtcNow()) }, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room wall: InfluxDB unavailable, every client is told so until it answers: {Reason}")]
    private static partial void LogInfluxFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room wall: InfluxDB answers again")]
    private static partial void LogInfluxBack(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Room wall refresh failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
