namespace LiveRoom.Ingest.Alerts;

/// <summary>Alerting settings (section <c>Ingest:Alerts</c>). Defaults in <see cref="AlertDefaults"/>.</summary>
public sealed class AlertOptions
{
    /// <summary>Whether the collector evaluates alert rules; default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Listener of the acknowledgement page; default http://127.0.0.1:5081. Empty: no listener.</summary>
    public string HttpUrl { get; set; } = AlertDefaults.HttpUrl;

    /// <summary>
    /// TLS certificate (PEM, the studio CA's or a public CA's) of the acknowledgement page when <see cref="HttpUrl"/> is
    /// https:// (seed clause 4.5); with its private key in <see cref="KeyFile"/>. Required for https, unused for http.
    /// </summary>
    public string? CertFile { get; set; }

    /// <summary>Private key (PEM) of <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Base URL put into messages (what a phone reaches, e.g. through the reverse proxy); default <see cref="HttpUrl"/>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The dashboard as a phone reaches it (e.g. https://liveroom.example.com/); when set, the acknowledgement page links
    /// the alert's room page there (its charts, evidence and checklist; sign-in required). Empty: no link.
    /// </summary>
    public string? DashboardUrl { get; set; }

    /// <summary>HMAC key of the acknowledgement links (at least 32 characters). Empty: a random key per start (links die on restart).</summary>
    public string? TokenSecret { get; set; }

    public TimeSpan TokenLifetime { get; set; } = AlertDefaults.TokenLifetime;

    /// <summary>Bearer token of the admin API (rules, silences, rota), at least 32 characters; empty: the admin API refuses every call. Never logged.</summary>
    public string? AdminToken { get; set; }

    public TimeSpan GroupWait { get; set; } = AlertDefaults.GroupWait;

    public TimeSpan RepeatInterval { get; set; } = AlertDefaults.RepeatInterval;

    public TimeSpan EscalateAfter { get; set; } = AlertDefaults.EscalateAfter;

    public TimeSpan TickInterval { get; set; } = AlertDefaults.TickInterval;

    public TimeSpan LiveGrace { get; set; } = AlertDefaults.LiveGrace;

    /// <summary>
    /// How long an alert still open in the incident records when the collector starts (after a restart, or taken over
    /// from the active collector) stays open without its condition being seen again; then it is resolved. Default 2 min;
    /// a rule's <c>for</c>, when longer, counts instead.
    /// </summary>
    public TimeSpan AdoptGrace { get; set; } = AlertDefaults.AdoptGrace;

    /// <summary>
    /// With standby collectors: incident records that fired within this many days (and every open one) are kept on the
    /// broker for the standbys; older ones are cleared there (each collector's store keeps them). Default 90, at least
    /// 60 (seed clauses 6.2.3, 7.4.5).
    /// </summary>
    public int IncidentCopyDays { get; set; } = AlertDefaults.IncidentCopyDays;

    /// <summary>Group alerts into one message per <c>site</c> (default) or per <c>room</c>.</summary>
    public string GroupBy { get; set; } = "site";

    public TimeSpan HeartbeatInterval { get; set; } = AlertDefaults.HeartbeatInterval;

    /// <summary>SQLite file of rules, silences, rota and incidents; default <c>{StateDirectory}/alerts.db</c>.</summary>
    public string? StorePath { get; set; }

    /// <summary>The alert store's file: <see cref="StorePath"/>, else <c>alerts.db</c> in <paramref name="stateDirectory"/> (what the service and <c>backup</c>/<c>restore</c> open).</summary>
    public string ResolveStorePath(string stateDirectory) => StorePath ?? Path.Combine(stateDirectory, AlertDefaults.StoreFile);

    public List<ChannelOptions> Channels { get; set; } = [];
}
