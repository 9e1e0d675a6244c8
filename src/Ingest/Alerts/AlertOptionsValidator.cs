using System.Globalization;
using LiveRoom.Ingest.Security;

namespace LiveRoom.Ingest.Alerts;

/// <summary>Checks <see cref="AlertOptions"/> at start; every message names the key and the allowed range (never a secret's value).</summary>
public static class AlertOptionsValidator
{
    private const string A = "Ingest:Alerts:";

    public static void Check(AlertOptions options, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        if (!string.IsNullOrEmpty(options.HttpUrl) && !IsHttpUrl(options.HttpUrl))
        {
            failures.Add($"{A}HttpUrl '{options.HttpUrl}' must be an absolute http:// or https:// URL, e.g. {AlertDefaults.HttpUrl} (empty: no listener)");
        }
        else
        {
            HttpsCertificate.Check(A, "HttpUrl", options.HttpUrl, options.CertFile, options.KeyFile, "the page", failures);
        }

        if (options.DashboardUrl is { Length: > 0 } d && !IsHttpUrl(d))
        {
            failures.Add($"{A}DashboardUrl '{d}' must be an absolute http:// or https:// URL");
        }

        if (options.PublicUrl is { Length: > 0 } p && !IsHttpUrl(p))
        {
            failures.Add($"{A}PublicUrl '{p}' must be an absolute http:// or https:// URL");
        }

        if (options.TokenSecret is { Length: > 0 and < 32 })
        {
            failures.Add($"{A}TokenSecret must be at least 32 characters (or empty for a random key per start)");
        }

        if (options.AdminToken is { Length: > 0 and < 32 })
        {
            failures.Add($"{A}AdminToken must be at least 32 characters (or empty to disable the admin API)");
        }

        Duration(failures, "TokenLifetime", options.TokenLifetime, TimeSpan.FromMinutes(5), TimeSpan.FromDays(30));
        Duration(failures, "GroupWait", options.GroupWait, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Duration(failures, "RepeatInterval", options.RepeatInterval, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        Duration(failures, "EscalateAfter", options.EscalateAfter, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        Duration(failures, "TickInterval", options.TickInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10));
        Duration(failures, "LiveGrace", options.LiveGrace, TimeSpan.Zero, TimeSpan.FromDays(1));
        Duration(failures, "AdoptGrace", options.AdoptGrace, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Duration(failures, "HeartbeatInterval", options.HeartbeatInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        if (options.IncidentCopyDays is < 60 or > 3650)
        {
            failures.Add($"{A}IncidentCopyDays is {options.IncidentCopyDays.ToString(CultureInfo.InvariantCulture)}; it must be 60–3650 (records are kept at least 60 days, seed clauses 6.2.3 and 7.4.5)");
        }

        if (options.GroupBy is not ("site" or "room"))
        {
            failures.Add($"{A}GroupBy is '{options.GroupBy}'; it must be 'site' or 'room'");
        }

        for (var i = 0; i < options.Channels.Count; i++)
        {
            var c = options.Channels[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{A}Channels:{i}:");
            if (c.Type is not ("webhook" or "dingtalk" or "wecom" or "feishu" or "email"))
            {
                failures.Add($"{key}Type is '{c.Type}'; it must be webhook, dingtalk, wecom, feishu or email");
            }
            else if (c.Type == "email")
            {
                if (string.IsNullOrWhiteSpace(c.SmtpHost) || c.SmtpPort is < 1 or > 65535)
                {
                    failures.Add($"{key}SmtpHost must be set and SmtpPort 1–65535");
                }
            }
            else if (!IsHttpUrl(c.Url))
            {
                // The URL carries the robot's access token: never echo it.
                failures.Add($"{key}Url must be an absolute http:// or https:// URL");
            }

            if (!Notifying.NoticeLanguages.TryParse(c.Language, out _))
            {
                failures.Add($"{key}Language is '{c.Language}'; it must be {Notifying.NoticeLanguages.Allowed}");
            }

            if (c.MaxPerMinute is < 1 or > 10_000)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key}MaxPerMinute is {c.MaxPerMinute}; it must be 1–10000"));
            }
        }
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    private static void Duration(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{A}{key} is {value}; it must be {min}–{max}"));
        }
    }
}
