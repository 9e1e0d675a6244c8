using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Outbox;

internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Outbox {Directory} opened: edge {Edge}, seq {Floor}..{LastSeq} pending, {Bytes} bytes in {Segments} segments")]
    public static partial void Opened(ILogger logger, string directory, string edge, long floor, long lastSeq, long bytes, int segments);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Outbox segment {Path}: torn tail after seq {LastGoodSeq} at offset {Offset}; {Bytes} bytes truncated")]
    public static partial void TornTail(ILogger logger, string path, long lastGoodSeq, long offset, long bytes);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Outbox full ({MaxBytes} bytes): dropped {Dropped} unacknowledged points (seq {FromSeq}..{ToSeq}); {Total} dropped since start")]
    public static partial void Overflow(ILogger logger, long maxBytes, long dropped, long fromSeq, long toSeq, long total);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Outbox {Directory}: group commit failed")]
    public static partial void SyncFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Outbox segment {Path}: bad record at offset {Offset} (expected seq {ExpectedSeq}); skipping the rest of the segment")]
    public static partial void BadRecord(ILogger logger, string path, long offset, long expectedSeq);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Outbox {Directory} created with edge id {Edge}")]
    public static partial void Created(ILogger logger, string directory, string edge);
}
