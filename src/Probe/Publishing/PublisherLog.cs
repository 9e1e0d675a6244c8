using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Publishing;

internal static partial class PublisherLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Replaying from seq {FromSeq} ({Reason})")]
    public static partial void Rewind(ILogger logger, long fromSeq, string reason);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Publish of seq {FirstSeq}..{LastSeq} failed; it stays in the outbox and is sent again")]
    public static partial void PublishFailed(ILogger logger, Exception exception, long firstSeq, long lastSeq);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Ignoring a malformed ack on {Topic}")]
    public static partial void BadAck(ILogger logger, Exception? exception, string topic);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "Ack up to seq {Seq}; floor now {Floor}")]
    public static partial void Acked(ILogger logger, long seq, long floor);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Publishing loop failed; retrying")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 205, Level = LogLevel.Debug, Message = "Ack for another outbox ({Edge}) ignored")]
    public static partial void ForeignAck(ILogger logger, string edge);
}
