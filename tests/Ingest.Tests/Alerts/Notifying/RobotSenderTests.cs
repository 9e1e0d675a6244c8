using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Tests.Alerts.Support;

namespace LiveRoom.Ingest.Tests.Alerts.Notifying;

/// <summary>DingTalk, Feishu and WeCom senders against protocol-faithful local stand-ins.</summary>
public sealed class RobotSenderTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private RobotServer _robot = null!;

    public async Task InitializeAsync() => _robot = await RobotServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _robot.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task DingTalk_SignedMarkdownWithMentions_IsAccepted()
    {
        var sender = new DingTalkSender("dt", _robot.Url("/robot/send?access_token=abc"), _robot.Secret, _http, TimeProvider.System);
        await sender.SendAsync(Notices.Firing(), CancellationToken.None);

        var (_, body, _) = Assert.Single(_robot.Accepted);
        var text = body["markdown"]!["text"]!.GetValue<string>();
        Assert.Contains("s1/r1", text, StringComparison.Ordinal);
        Assert.Contains("15 < 29.5", text, StringComparison.Ordinal);
        Assert.Contains("since 2026-11-22 06:00:00 UTC", text, StringComparison.Ordinal);
        Assert.Contains("show morning show", text, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5081/alerts/token", text, StringComparison.Ordinal);
        Assert.Equal("13800000001", body["at"]!["atMobiles"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task DingTalk_ChannelInChinese_WordsAndShippedTitleInChinese()
    {
        var sender = new DingTalkSender("dt", _robot.Url("/robot/send?access_token=abc"), _robot.Secret, _http, TimeProvider.System, NoticeLanguage.Chinese);
        var notice = Notices.Firing();
        await sender.SendAsync(notice with { Alerts = [notice.Alerts[0] with { TimeZone = "Asia/Shanghai" }] }, CancellationToken.None);

        var (_, body, _) = Assert.Single(_robot.Accepted);
        Assert.Equal("[警告] s1/r1：帧率低于 30 fps", body["markdown"]!["title"]!.GetValue<string>());
        Assert.Equal(
            "### [警告] s1/r1：帧率低于 30 fps\n\n- **s1/r1** 帧率低于 30 fps：15 < 29.5，开始于 2026-11-22 14:00:00 Asia/Shanghai (06:00:00 UTC)，场次 morning show [查看](http://127.0.0.1:5081/alerts/token)\n @13800000001",
            body["markdown"]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(NoticeKind.Resolved, "Frame rate below 30 fps", "[已恢复] s1/r1：帧率低于 30 fps")]
    [InlineData(NoticeKind.Escalation, "Frame rate below 30 fps", "[已升级（级别 2）] s1/r1：帧率低于 30 fps")]
    [InlineData(NoticeKind.Reminder, "Encoder on the desk PC", "[提醒] s1/r1：Encoder on the desk PC")]
    [InlineData(NoticeKind.Firing, "Collector silent (no heartbeat)", "[警告] s1/r1：采集服务无响应（无心跳）")]
    public void Title_InChinese_KindsAndTitles_ASitesOwnTitleAsWritten(NoticeKind kind, string title, string expected)
    {
        var notice = Notices.Firing();
        notice = notice with { Kind = kind, Alerts = [notice.Alerts[0] with { Title = title, EscalationLevel = 2 }] };

        Assert.Equal(expected, NotificationText.Title(notice, NoticeLanguage.Chinese));
    }

    [Fact]
    public void Markdown_AYesNoRule_SaysTheTitlesConditionWasDetected_NotTheFieldsValue()
    {
        // stream_down fires on up = false: "Stream down: no" read as if the stream were up.
        var down = Notices.Firing() with { Alerts = [Notices.Firing().Alerts[0] with { Title = "Stream down", Operator = Ingest.Alerts.Rules.RuleOperator.IsFalse, Value = 0 }] };

        Assert.Contains("Stream down: detected, since ", NotificationText.Markdown(down), StringComparison.Ordinal);
        Assert.Contains("推流中断：已检测到，开始于 ", NotificationText.Markdown(down, language: NoticeLanguage.Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void Measured_InChinese()
    {
        var a = Notices.Firing().Alerts[0];

        Assert.Equal(
            ["已检测到", "已检测到", "离线", "45 秒无数据（上限 30 秒）", "数值 45", "事件"],
            new[]
            {
                a with { Operator = Ingest.Alerts.Rules.RuleOperator.IsTrue }, a with { Operator = Ingest.Alerts.Rules.RuleOperator.IsFalse },
                a with { Operator = Ingest.Alerts.Rules.RuleOperator.Offline }, a with { Operator = Ingest.Alerts.Rules.RuleOperator.Absent, Value = 45, Threshold = 30 },
                a with { Operator = Ingest.Alerts.Rules.RuleOperator.Event, Value = 45 }, a with { Operator = Ingest.Alerts.Rules.RuleOperator.Event, Value = null },
            }.Select(x => NotificationText.Measured(x, NoticeLanguage.Chinese)));
    }

    [Fact]
    public async Task DingTalk_SiteZoneKnown_TimesAsTheSiteReadsThem_UtcBeside()
    {
        var sender = new DingTalkSender("dt", _robot.Url("/robot/send?access_token=abc"), _robot.Secret, _http, TimeProvider.System);
        var notice = Notices.Firing();
        await sender.SendAsync(notice with { Alerts = [notice.Alerts[0] with { TimeZone = "Asia/Shanghai" }] }, CancellationToken.None);

        var (_, body, _) = Assert.Single(_robot.Accepted);
        Assert.Contains("since 2026-11-22 14:00:00 Asia/Shanghai (06:00:00 UTC)", body["markdown"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "2026-11-22 06:00:00 UTC")]
    [InlineData("UTC", "2026-11-22 06:00:00 UTC")]
    [InlineData("Mars/Olympus_Mons", "2026-11-22 06:00:00 UTC")]
    [InlineData("Asia/Shanghai", "2026-11-22 14:00:00 Asia/Shanghai (06:00:00 UTC)")]
    [InlineData("America/New_York", "2026-11-22 01:00:00 America/New_York (06:00:00 UTC)")]
    public void When_ZoneKnownOrNot(string? zone, string expected) =>
        Assert.Equal(expected, NotificationText.When(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero), zone));

    [Fact]
    public async Task DingTalk_WrongSecret_IsPermanentRefusal()
    {
        var sender = new DingTalkSender("dt", _robot.Url("/robot/send?access_token=abc"), "SEC-wrong", _http, TimeProvider.System);
        var ex = await Assert.ThrowsAsync<NotificationException>(() => sender.SendAsync(Notices.Firing(), CancellationToken.None));
        Assert.True(ex.Permanent);
        Assert.Equal("errcode 310000: sign not match — DingTalk's security settings refused it: check the channel's Secret against the robot's signing secret, the robot's keywords and its IP allow list", ex.Message);
        Assert.DoesNotContain("SEC-wrong", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DingTalk_SendTooFast_IsRateLimited()
    {
        _robot.PerMinute = 1;
        var sender = new DingTalkSender("dt", _robot.Url("/robot/send?access_token=abc"), _robot.Secret, _http, TimeProvider.System);
        await sender.SendAsync(Notices.Firing(), CancellationToken.None);
        var ex = await Assert.ThrowsAsync<NotificationException>(() => sender.SendAsync(Notices.Firing(), CancellationToken.None));
        Assert.True(ex.RateLimited);
        Assert.False(ex.Permanent);
        Assert.Contains("130101", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feishu_SignedInteractiveCard_IsAccepted_WrongSecretRefused()
    {
        var sender = new FeishuSender("fs", new Uri(_robot.Url("/feishu/hook")), _robot.Secret, _http, TimeProvider.System);
        await sender.SendAsync(Notices.Firing(), CancellationToken.None);
        var (_, body, _) = Assert.Single(_robot.Accepted);
        Assert.Equal("interactive", body["msg_type"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1:5081/alerts/token", body["card"]!["elements"]![1]!["actions"]![0]!["url"]!.GetValue<string>());

        var bad = new FeishuSender("fs", new Uri(_robot.Url("/feishu/hook")), "other", _http, TimeProvider.System);
        var ex = await Assert.ThrowsAsync<NotificationException>(() => bad.SendAsync(Notices.Firing(), CancellationToken.None));
        Assert.True(ex.Permanent);
        Assert.Contains("19021", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith(" — check the channel's Secret against the bot's signing secret, and this machine's clock (Feishu wants the time within an hour)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeCom_Markdown_IsAccepted_AndRateLimitRecognised()
    {
        _robot.PerMinute = 1;
        var sender = new WeComSender("wc", new Uri(_robot.Url("/wecom/send?key=k")), _http);
        await sender.SendAsync(Notices.Firing(), CancellationToken.None);
        var (_, body, _) = Assert.Single(_robot.Accepted);
        Assert.Contains("On duty: tech", body["markdown"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var ex = await Assert.ThrowsAsync<NotificationException>(() => sender.SendAsync(Notices.Firing(), CancellationToken.None));
        Assert.True(ex.RateLimited);
    }
}
