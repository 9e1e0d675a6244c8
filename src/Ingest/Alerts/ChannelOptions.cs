namespace LiveRoom.Ingest.Alerts;

/// <summary>One notification channel (section <c>Ingest:Alerts:Channels:n</c>).</summary>
public sealed class ChannelOptions
{
    /// <summary><c>webhook</c>, <c>dingtalk</c>, <c>wecom</c>, <c>feishu</c> or <c>email</c>.</summary>
    public string Type { get; set; } = "webhook";

    /// <summary>Name in logs and incident timelines.</summary>
    public string Name { get; set; } = "";

    /// <summary>Endpoint (the robot's webhook URL with its access token). Never logged.</summary>
    public string Url { get; set; } = "";

    /// <summary>Signing secret (DingTalk "SEC…", Feishu; a webhook's, to sign each request for its receiver). Never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>Messages a minute the receiver accepts; default 20 (DingTalk). Bursts beyond are digested into one message.</summary>
    public int MaxPerMinute { get; set; } = AlertDefaults.MaxPerMinute;

    /// <summary>
    /// Language of the messages: <c>en</c> (default) or <c>zh-CN</c> (Chinese words and the shipped rule titles in
    /// Chinese; a rule title a site wrote is sent as written).
    /// </summary>
    public string Language { get; set; } = "en";

    /// <summary>Lowest severity sent here; default Info.</summary>
    public Rules.AlertSeverity MinSeverity { get; set; } = Rules.AlertSeverity.Info;

    /// <summary>E-mail: SMTP host and port (default 587).</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>E-mail: require STARTTLS (default true).</summary>
    public bool StartTls { get; set; } = true;

    public string? Username { get; set; }

    /// <summary>E-mail password. Never logged.</summary>
    public string? Password { get; set; }

    public string? From { get; set; }

    /// <summary>E-mail: fixed recipients in addition to the rota's e-mail addresses.</summary>
    public List<string> To { get; set; } = [];
}
