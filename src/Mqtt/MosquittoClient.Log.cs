using Microsoft.Extensions.Logging;

namespace LiveRoom.Mqtt;

/// <summary>Source-generated log events (STYLE.md rule 12). No payloads, no passwords.</summary>
public sealed partial class MosquittoClient
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "MQTT connected to {Endpoint} as {ClientId} (session present: {SessionPresent})")]
        public static partial void Connected(ILogger logger, string endpoint, string clientId, bool sessionPresent);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "MQTT connection to {Endpoint} lost: {Reason}")]
        public static partial void ConnectionLost(ILogger logger, string endpoint, string reason);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "MQTT broker {Endpoint} refused the connection: {ReasonCode} {Reason}")]
        public static partial void ConnectRefused(ILogger logger, string endpoint, int reasonCode, string reason);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "MQTT reconnect to {Endpoint} in {DelayMs} ms (attempt {Attempt})")]
        public static partial void ReconnectScheduled(ILogger logger, string endpoint, long delayMs, int attempt);

        [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "MQTT reconnect to {Endpoint} failed: {Error}")]
        public static partial void ReconnectFailed(ILogger logger, string endpoint, string error);

        [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "MQTT broker refused publish to {Topic}: {ReasonCode} {Reason}")]
        public static partial void PublishRefused(ILogger logger, string topic, int reasonCode, string reason);

        [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "MQTT broker refused subscription to {Filter}: {ReasonCode} {Reason}")]
        public static partial void SubscribeRefused(ILogger logger, string filter, int reasonCode, string reason);

        [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "MQTT message handler failed for a message on {Topic}")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string topic);

        [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "MQTT ConnectionChanged handler failed")]
        public static partial void ConnectionHandlerFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "libmosquitto {Callback} callback failed")]
        public static partial void CallbackFailed(ILogger logger, Exception exception, string callback);

        [LoggerMessage(EventId = 11, Level = LogLevel.Critical, Message = "MQTT network loop failed; the client is unusable")]
        public static partial void LoopFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "MQTT client disposed while its connect to {Endpoint} is still blocking; not waiting beyond {WaitMs} ms, the thread cleans up when the connect returns")]
        public static partial void DisposeNotWaitingForConnect(ILogger logger, string endpoint, long waitMs);

        [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "libmosquitto [{Level}] {Line}")]
        public static partial void Library(ILogger logger, int level, string line);
    }
}
