namespace LiveRoom.Ingest.Alerts;

/// <summary>Documented defaults of <see cref="AlertOptions"/> (STYLE.md rule 6).</summary>
public static class AlertDefaults
{
    /// <summary>The alert store's file name in <c>Ingest:StateDirectory</c> when <c>Ingest:Alerts:StorePath</c> is not set: <c>alerts.db</c>.</summary>
    public const string StoreFile = "alerts.db";

    public const string HttpUrl = "http://127.0.0.1:5081";

    /// <summary>How long new alerts of one group are collected into one message (one cause, one message).</summary>
    public static readonly TimeSpan GroupWait = TimeSpan.FromSeconds(1);

    /// <summary>Reminder of a firing, unacknowledged alert.</summary>
    public static readonly TimeSpan RepeatInterval = TimeSpan.FromMinutes(30);

    /// <summary>An unacknowledged critical alert goes to the next rota level after this long.</summary>
    public static readonly TimeSpan EscalateAfter = TimeSpan.FromMinutes(10);

    /// <summary>How often <c>for</c>, group waits, reminders, escalation and data gaps are checked.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Default room state: a room stays live this long after its stream went down.</summary>
    public static readonly TimeSpan LiveGrace = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of the signed acknowledgement link.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(24);

    /// <summary>Chat robots' rate limit (DingTalk: 20 messages a minute); bursts beyond it are digested.</summary>
    public const int MaxPerMinute = 20;

    /// <summary>Timeout of one send attempt.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Retries of one notice (exponential backoff with jitter).</summary>
    public const int SendRetries = 5;

    public static readonly TimeSpan SendRetryBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long an alert open at start waits for its condition to be seen again (<see cref="AlertOptions.AdoptGrace"/>).</summary>
    public static readonly TimeSpan AdoptGrace = TimeSpan.FromMinutes(2);

    /// <summary>Days of incident records kept on the broker for standby collectors (<see cref="AlertOptions.IncidentCopyDays"/>).</summary>
    public const int IncidentCopyDays = 90;

    /// <summary>Collector heartbeat (dead-man's switch) period.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);

    /// <summary>Topic of the active collector's retained alert configuration, which its standbys follow (seed clause 4.3).</summary>
    public const string ConfigurationTopic = "liveroom-sys/v1/collector/alert-config";

    /// <summary>
    /// Prefix of the retained incident records, one topic per alert (<c>…/incidents/{alertId}</c>), which standby
    /// collectors keep a copy of (seed clauses 4.3, 8.4).
    /// </summary>
    public const string IncidentTopicPrefix = "liveroom-sys/v1/collector/incidents/";
}
