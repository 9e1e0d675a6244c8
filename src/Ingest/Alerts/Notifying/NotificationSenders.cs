namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>Makes the sender of a configured channel (<c>Ingest:Alerts:Channels</c>).</summary>
public static class NotificationSenders
{
    public static INotificationSender Create(ChannelOptions c, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(c);
        NoticeLanguages.TryParse(c.Language, out var language); // checked at start (AlertOptionsValidator)
        return c.Type switch
        {
            "dingtalk" => new DingTalkSender(c.Name, c.Url, c.Secret, http, time, language),
            "wecom" => new WeComSender(c.Name, new Uri(c.Url), http, language),
            "feishu" => new FeishuSender(c.Name, new Uri(c.Url), c.Secret, http, time, language),
            "email" => new SmtpSender(c, language),
            _ => new WebhookSender(c.Name, new Uri(c.Url), http, language, c.Secret, time),
        };
    }

    /// <summary>Adds every configured channel to <paramref name="dispatcher"/> with the shared retry policy.</summary>
    public static void AddAll(NotificationDispatcher dispatcher, IEnumerable<ChannelOptions> channels, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(channels);
        foreach (var c in channels)
        {
            dispatcher.Add(Create(c, http, time), c.MaxPerMinute, c.MinSeverity, AlertDefaults.SendRetries, AlertDefaults.SendRetryBaseDelay, AlertDefaults.SendTimeout, c.Type);
        }
    }
}
