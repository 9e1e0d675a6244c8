using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Uplink;

internal static partial class UplinkLog
{
    [LoggerMessage(780, LogLevel.Information, "Uplink test endpoint listening: edges upload to {Url} (their Probe:Network:UplinkUrl)")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(781, LogLevel.Information, "Uplink test from {Remote}: {Mbps:0.##} Mbit/s ({Bytes} bytes in {Seconds:0.###} s)")]
    public static partial void Measured(ILogger logger, string remote, double mbps, long bytes, double seconds);

    [LoggerMessage(782, LogLevel.Warning, "Uplink test from {Remote} refused: {Running} tests are running (Ingest:Uplink:MaxConcurrent); told to retry in {RetryAfter} s")]
    public static partial void Busy(ILogger logger, string remote, int running, int retryAfter);

    [LoggerMessage(783, LogLevel.Information, "Uplink test from {Remote} ended before its upload did ({Reason}); nothing measured")]
    public static partial void Aborted(ILogger logger, string remote, string reason);

    [LoggerMessage(784, LogLevel.Error, "Uplink test endpoint could not listen on {Url}: {Reason}; edges' uplink tests and clock checks will fail until this is fixed")]
    public static partial void ListenFailed(ILogger logger, string url, string reason);
}
