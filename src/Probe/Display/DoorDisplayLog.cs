using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Display;

internal static partial class DoorDisplayLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Door display: kiosk page at {Address}")]
    public static partial void Listening(ILogger logger, Uri address);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Door display: off (Probe:Display:Url is empty)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "Door display: stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 703, Level = LogLevel.Debug, Message = "Door display: event stream opened by {Remote} ({Streams} open)")]
    public static partial void StreamOpened(ILogger logger, string remote, int streams);

    [LoggerMessage(EventId = 704, Level = LogLevel.Debug, Message = "Door display: event stream of {Remote} closed ({Streams} open)")]
    public static partial void StreamClosed(ILogger logger, string remote, int streams);

    [LoggerMessage(EventId = 705, Level = LogLevel.Warning, Message = "Door display: event stream of {Remote} failed")]
    public static partial void StreamFailed(ILogger logger, Exception exception, string remote);

    [LoggerMessage(EventId = 706, Level = LogLevel.Warning, Message = "Door display: time zone '{Zone}' of the room state is unknown on this machine; showing UTC")]
    public static partial void UnknownZone(ILogger logger, string zone);

    [LoggerMessage(EventId = 707, Level = LogLevel.Warning, Message = "Door display: {Method} {Path} from {Remote} refused: {Reason}")]
    public static partial void CrossOriginRefused(ILogger logger, string method, string path, string remote, string reason);

    [LoggerMessage(EventId = 708, Level = LogLevel.Information, Message = "Door display: {Path} from {Remote} rejected ({Status}): {Reason}")]
    public static partial void BadRequest(ILogger logger, string path, string remote, int status, string reason);

    [LoggerMessage(EventId = 709, Level = LogLevel.Information, Message = "Door display: {By} confirmed '{Item}': {Ok}, {Result}")]
    public static partial void Confirmed(ILogger logger, string by, string item, bool ok, string result);

    [LoggerMessage(EventId = 710, Level = LogLevel.Information, Message = "Door display: {By} asked for a checklist run: {Ok}, {Result}")]
    public static partial void RunRequested(ILogger logger, string by, bool ok, string result);
}
