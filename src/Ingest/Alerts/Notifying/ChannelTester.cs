using System.Globalization;
using LiveRoom.Contracts.Text;
using LiveRoom.Ingest.Alerts.Rota;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// A test notice through every channel (<c>POST /api/notify/test</c>, the alerts page's "Send test notice"): to the people an
/// alert at a level of a site would reach now — the rota's @-mentions and e-mail addresses are part of the check — so a
/// wrong robot secret, a lapsed webhook or a mail server that refuses is found before an alert needs them. At most
/// <see cref="PerMinute"/> a minute: the robots allow 20 messages a minute, kept for alerts.
/// </summary>
public sealed class ChannelTester(NotificationDispatcher dispatcher, OnCallRota rota, TimeProvider time)
{
    public const int PerMinute = 3;

    /// <summary>How long each channel has to answer: an alert's own attempt has as long (<see cref="AlertDefaults.SendTimeout"/>).</summary>
    public static readonly TimeSpan Timeout = AlertDefaults.SendTimeout;

    private readonly Queue<DateTimeOffset> _recent = new();

    /// <summary>The channels a test (and every alert) goes through.</summary>
    public IReadOnlyList<ChannelInfo> Channels => dispatcher.Channels;
    private readonly Lock _lock = new();

    /// <summary>The outcome, or the HTTP status and reason it was refused with (nothing is sent then).</summary>
    public async Task<(ChannelTestOutcome? Outcome, int Status, LocalText? Refusal)> TestAsync(string? site, int level, string? by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(site))
        {
            return (null, 400, new LocalText("site is missing: a test notice goes to the people on duty at a site", "缺少站点：测试通知发给某站点的值班人员"));
        }

        var top = rota.TopLevel(site);
        if (level < 0 || level > top)
        {
            return (null, 400, new LocalText(
                string.Create(CultureInfo.InvariantCulture, $"level {level} is not on the rota of site '{site}' (levels 0 to {top})"),
                string.Create(CultureInfo.InvariantCulture, $"站点“{site}”的值班表中没有级别 {level}（级别 0 到 {top}）")));
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            return (null, 400, new LocalText("by is missing: a test notice says who sent it", "缺少发送人：测试通知须注明由谁发送"));
        }

        if (!dispatcher.HasChannels)
        {
            return (null, 409, new LocalText(
                "no notification channel is configured (Ingest:Alerts:Channels): alerts reach nobody outside the dashboard",
                "未配置通知渠道（Ingest:Alerts:Channels）：告警只能在看板上看到，不会通知任何人"));
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromMinutes(1))
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= PerMinute)
            {
                var wait = (int)Math.Ceiling((_recent.Peek() + TimeSpan.FromMinutes(1) - now).TotalSeconds);
                return (null, 429, new LocalText(
                    string.Create(CultureInfo.InvariantCulture, $"{PerMinute} test notices were sent in the last minute; try again in {wait} s (the chat robots allow 20 messages a minute, kept for alerts)"),
                    string.Create(CultureInfo.InvariantCulture, $"最近一分钟已发送 {PerMinute} 条测试通知；请 {wait} 秒后再试（聊天机器人每分钟只收 20 条消息，留给告警）")));
            }

            _recent.Enqueue(now);
        }

        // Whom an alert at this level would reach now (nobody above level 0: level 0, as an escalation does).
        var recipients = rota.OnDuty(site, level, now);
        if (recipients.Count == 0 && level > 0)
        {
            recipients = rota.OnDuty(site, 0, now);
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"test-{site}-{now.ToUnixTimeMilliseconds()}");
        var notice = new AlertNotice(NoticeKind.Test, site, [], recipients, new Dictionary<string, string>(), key, now, by.Trim());
        var channels = await dispatcher.TestAsync(notice, Timeout, cancellationToken).ConfigureAwait(false);
        return (new ChannelTestOutcome(site, level, recipients.Select(r => new ChannelTestRecipient(r.Name, r.Level, r.Cover)).ToArray(), channels), 200, null);
    }
}

/// <summary>A test notice's outcome: whom it named (who is on duty) and how each channel took it.</summary>
public sealed record ChannelTestOutcome(string Site, int Level, IReadOnlyList<ChannelTestRecipient> Recipients, IReadOnlyList<ChannelTestResult> Channels);

/// <summary>Someone a test notice named: mobiles and addresses stay in the rota.</summary>
public sealed record ChannelTestRecipient(string Name, int Level, bool Cover);
