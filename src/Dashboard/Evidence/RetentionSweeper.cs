namespace LiveRoom.Dashboard.Evidence;

/// <summary>Removes thumbnails older than <c>Dashboard:Evidence:RetentionDays</c> at start and every <c>SweepInterval</c> (daily).</summary>
internal sealed partial class RetentionSweeper(ThumbnailStore store, Microsoft.Extensions.Options.IOptions<EvidenceOptions> options, TimeProvider time, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Sweeps keep to a schedule from the start (start, start + interval, ...) rather than sleeping an interval after
        // each sweep: the times do not drift, and a sweep that is due when the wait begins (a slow sweep, a clock step)
        // runs at once instead of a whole interval later.
        var due = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var removed = store.Sweep(time.GetUtcNow());
                if (removed > 0)
                {
                    LogSwept(logger, removed, options.Value.RetentionDays);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogSweepFailed(logger, ex.Message);
            }

            try
            {
                var interval = options.Value.SweepInterval;
                due += interval;
                var wait = due - time.GetUtcNow();
                if (wait < -interval)
                {
                    // Far behind (the machine slept): one sweep now, then back on a schedule from here.
                    due = time.GetUtcNow();
                }
                else if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence: removed {Days} day directories older than {Retention} days")]
    private static partial void LogSwept(ILogger logger, int days, int retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence sweep failed: {Reason}; tried again next interval")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
