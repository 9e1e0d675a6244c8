namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>A receiver refused or failed a message. <see cref="Permanent"/>: retrying cannot help (bad secret, bad URL).</summary>
public sealed class NotificationException : Exception
{
    public NotificationException()
    {
    }

    public NotificationException(string message)
        : base(message)
    {
    }

    public NotificationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public NotificationException(string message, bool permanent, bool rateLimited = false)
        : base(message)
    {
        Permanent = permanent;
        RateLimited = rateLimited;
    }

    public bool Permanent { get; }

    /// <summary>The receiver said "too fast" (DingTalk 130101, WeCom 45009, Feishu 11232).</summary>
    public bool RateLimited { get; }
}
