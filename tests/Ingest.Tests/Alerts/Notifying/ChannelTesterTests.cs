using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Tests.Alerts.Notifying;

/// <summary>
/// Seed clause 5.5 (alerts reach the people on duty): a test notice goes through every channel once, to the people an
/// alert at the level would reach now, and says per channel whether it was delivered or what the receiver or the
/// transport said — a wrong robot secret, a failing webhook, a receiver that does not answer — before an alert needs it.
/// </summary>
public sealed class ChannelTesterTests : IAsyncLifetime
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
    public async Task EveryChannelOnce_WhateverItsSeverity_DeliveredOrTheReceiversReason_NamingWhoIsOnDuty()
    {
        _robot.Webhook = _ => Task.FromResult(503);
        var dispatcher = new NotificationDispatcher(NullLogger.Instance, TimeProvider.System);
        dispatcher.Add(new DingTalkSender("ops", _robot.Url("/robot/send?access_token=abc"), _robot.Secret, _http, TimeProvider.System, NoticeLanguage.Chinese), 20, AlertSeverity.Critical, 5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10), "dingtalk");
        dispatcher.Add(new FeishuSender("lark", new Uri(_robot.Url("/feishu/hook")), "SEC-wrong", _http, TimeProvider.System), 20, AlertSeverity.Info, 5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10), "feishu");
        dispatcher.Add(new WebhookSender("ticketing", new Uri(_robot.Url("/webhook")), _http), 20, AlertSeverity.Info, 5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10), "webhook");
        var rota = new OnCallRota();
        rota.Set(
        [
            new RotaEntry { Site = "s1", Level = 0, Name = "王工", Mobile = "13800000001" },
            new RotaEntry { Site = "s1", Level = 1, Name = "li", Mobile = "13800000002" },
            new RotaEntry { Site = "s2", Level = 0, Name = "other" },
        ]);
        var tester = new ChannelTester(dispatcher, rota, TimeProvider.System);

        var (outcome, status, refusal) = await tester.TestAsync("s1", 0, "chief", CancellationToken.None);

        Assert.Equal((200, null), (status, refusal));
        Assert.Equal([new ChannelTestRecipient("王工", 0, false)], outcome!.Recipients);
        Assert.Equal(
            [("ops", "dingtalk", true, AlertSeverity.Critical), ("lark", "feishu", false, AlertSeverity.Info), ("ticketing", "webhook", false, AlertSeverity.Info)],
            outcome.Channels.Select(c => (c.Channel, c.Type, c.Delivered, c.MinSeverity)));
        Assert.Null(outcome.Channels[0].Error);
        Assert.Contains("19021", outcome.Channels[1].Error, StringComparison.Ordinal);
        Assert.Contains("503", outcome.Channels[2].Error, StringComparison.Ordinal);
        Assert.Equal(1, _robot.WebhookRequests); // once: no retry behind the answer

        // The robot got a test, in the channel's language, with who asked and the person on duty @-mentioned.
        var (_, body, _) = Assert.Single(_robot.Accepted);
        var text = body["markdown"]!["text"]!.GetValue<string>();
        Assert.Equal("[测试] s1：LiveRoom 测试通知，无需处理", body["markdown"]!["title"]!.GetValue<string>());
        Assert.Contains("由 chief 在告警页发送，用于确认告警通知能送达本渠道。", text, StringComparison.Ordinal);
        Assert.Contains("值班：王工", text, StringComparison.Ordinal);
        Assert.Equal(["13800000001"], body["at"]!["atMobiles"]!.AsArray().Select(m => m!.GetValue<string>()));

        // Level 1 names the on-call engineer; nobody at a level of s3 names nobody and says so.
        Assert.Equal(["li"], (await tester.TestAsync("s1", 1, "chief", CancellationToken.None)).Outcome!.Recipients.Select(r => r.Name));
        Assert.Empty((await tester.TestAsync("s3", 0, "chief", CancellationToken.None)).Outcome!.Recipients);
        Assert.Contains("On duty: nobody (an alert would name nobody)", NotificationText.Markdown(new AlertNotice(NoticeKind.Test, "s3", [], [], new Dictionary<string, string>(), "k", DateTimeOffset.UtcNow, "chief")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiverThatDoesNotAnswer_SaysSoWithinTheTimeout()
    {
        _robot.Webhook = async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            return 200;
        };
        var dispatcher = new NotificationDispatcher(NullLogger.Instance, TimeProvider.System);
        dispatcher.Add(new WebhookSender("slow", new Uri(_robot.Url("/webhook")), _http), 20, AlertSeverity.Info, 5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10), "webhook");
        var notice = new AlertNotice(NoticeKind.Test, "s1", [], [], new Dictionary<string, string>(), "test-s1-1", DateTimeOffset.UtcNow, "chief");

        var result = Assert.Single(await dispatcher.TestAsync(notice, TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Equal((false, "no answer within 1 s"), (result.Delivered, result.Error));
        Assert.InRange(result.Milliseconds, 900, 10_000);
    }

    [Fact]
    public async Task Refused_WithTheReason_NothingSent_NoChannel_UnknownLevel_NoSite_NoSender_TooMany()
    {
        var rota = new OnCallRota();
        rota.Set([new RotaEntry { Site = "s1", Level = 0, Name = "tech" }, new RotaEntry { Site = "s1", Level = 1, Name = "li" }]);
        var none = new ChannelTester(new NotificationDispatcher(NullLogger.Instance, TimeProvider.System), rota, TimeProvider.System);
        var noChannel = await none.TestAsync("s1", 0, "chief", CancellationToken.None);
        Assert.Equal(409, noChannel.Status);
        Assert.Equal("no notification channel is configured (Ingest:Alerts:Channels): alerts reach nobody outside the dashboard", noChannel.Refusal!.Value.English);

        var dispatcher = new NotificationDispatcher(NullLogger.Instance, TimeProvider.System);
        dispatcher.Add(new WebhookSender("hook", new Uri(_robot.Url("/webhook")), _http), 20, AlertSeverity.Info, 0, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tester = new ChannelTester(dispatcher, rota, time);

        var level = await tester.TestAsync("s1", 2, "chief", CancellationToken.None);
        Assert.Equal((400, "level 2 is not on the rota of site 's1' (levels 0 to 1)", "站点“s1”的值班表中没有级别 2（级别 0 到 1）"), (level.Status, level.Refusal!.Value.English, level.Refusal!.Value.Chinese));
        Assert.Equal(400, (await tester.TestAsync(" ", 0, "chief", CancellationToken.None)).Status);
        Assert.Equal(400, (await tester.TestAsync("s1", 0, null, CancellationToken.None)).Status);
        Assert.Equal(0, _robot.WebhookRequests);

        for (var i = 0; i < ChannelTester.PerMinute; i++)
        {
            Assert.Equal(200, (await tester.TestAsync("s1", 0, "chief", CancellationToken.None)).Status);
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var tooMany = await tester.TestAsync("s1", 0, "chief", CancellationToken.None);
        Assert.Equal(429, tooMany.Status);
        Assert.StartsWith("3 test notices were sent in the last minute; try again in 30 s", tooMany.Refusal!.Value.English, StringComparison.Ordinal);
        Assert.Equal(ChannelTester.PerMinute, _robot.WebhookRequests);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(200, (await tester.TestAsync("s1", 0, "chief", CancellationToken.None)).Status);
    }
}
