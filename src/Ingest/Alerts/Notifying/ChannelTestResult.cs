using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// How a test notice went on one channel (<see cref="NotificationDispatcher.TestAsync"/>): <paramref name="Delivered"/>,
/// or <paramref name="Error"/> — the receiver's refusal (a robot's errcode and message, an HTTP status, the mail
/// server's reply) or the transport's error; <paramref name="MinSeverity"/>: the least severe alert the channel gets.
/// </summary>
public sealed record ChannelTestResult(string Channel, string Type, bool Delivered, string? Error, long Milliseconds, AlertSeverity MinSeverity);

/// <summary>A configured channel (<c>GET /api/notify/channels</c>): its name and type, the least severe alert it gets, its messages a minute.</summary>
public sealed record ChannelInfo(string Channel, string Type, AlertSeverity MinSeverity, int MaxPerMinute);
