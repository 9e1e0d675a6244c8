namespace LiveRoom.Dashboard.Evidence;

/// <summary>Removes thumbnails older than <c>Dashboard:Evidence:RetentionDays</c> at start and every <c>SweepInterval</c> (daily).</summary>
internal sealed partial class RetentionSweeper(ThumbnailStore store, Microsoft.Extensions.Options.IOptions<EvidenceOptions> options, TimeProvider time, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(false);
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
