using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LiveRoom.Demo.Notices;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd.Demo;

/// <summary>
/// The demo's notice inbox against the collector's own webhook sender: what it shows and keeps, retries once, and a
/// body it cannot read refused with the reason.
/// </summary>
public sealed class NoticeInboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Notice_FromTheCollectorsWebhookSender_ListedNewestFirst_InTheFileOnce_ARetryShownOnce()
    {
        using var dir = new TempDirectory("inbox");
        var log = new ListLogger<NoticeInbox>();
        await using var inbox = new NoticeInbox(Path.Combine(dir.Path, "logs", "notices.jsonl"), log, new FakeTimeProvider(Now));
        await inbox.StartAsync(0, CancellationToken.None);
        using var http = new HttpClient();
        var sender = new WebhookSender(NoticeInbox.ChannelName, inbox.WebhookUrl, http, NoticeLanguage.Chinese);
        var firing = Notice(NoticeKind.Firing, "n-1", Alert("fps-below-30", "Frame rate below 30 fps", 24), "http://127.0.0.1:8080/room.html?site=demo&room=room-2");

        await sender.SendAsync(firing, CancellationToken.None);
        await sender.SendAsync(firing, CancellationToken.None);
        await sender.SendAsync(Notice(NoticeKind.Test, "n-2") with { SentBy = "lin" }, CancellationToken.None);

        var listed = JsonNode.Parse(await http.GetStringAsync(new Uri(inbox.Address!, "notices")))!.AsArray();
        Assert.Equal(["test", "firing"], listed.Select(n => n!["notice"]!["kind"]!.GetValue<string>()));
        Assert.Equal(2, listed[1]!["deliveries"]!.GetValue<int>());
        Assert.Equal(WebhookSender.Json(firing, NoticeLanguage.Chinese).ToJsonString(), listed[1]!["notice"]!.ToJsonString());
        var lines = await File.ReadAllLinesAsync(Path.Combine(dir.Path, "logs", "notices.jsonl"));
        Assert.Equal(["n-1", "n-2"], lines.Select(l => JsonNode.Parse(l)!["notice"]!["idempotencyKey"]!.GetValue<string>()));
        Assert.Contains("\"name\":\"王工\"", lines[0], StringComparison.Ordinal);

        var page = await http.GetStringAsync(inbox.Address);
        Assert.Contains($"<h2>{NotificationText.Title(firing, NoticeLanguage.Chinese)}</h2>", page, StringComparison.Ordinal);
        Assert.Contains("to 王工 (level 0)", page, StringComparison.Ordinal);
        Assert.Contains("critical</span> · demo/room-2 · 帧率低于 30 fps · 24 &lt; 30", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://127.0.0.1:8080/room.html?site=demo&amp;room=room-2\">open</a>", page, StringComparison.Ordinal);
        Assert.Contains("delivered 2 times (retries), shown once", page, StringComparison.Ordinal);
        Assert.Contains(" · test · sent by lin</div>", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("data-kind=\"test\"", StringComparison.Ordinal) < page.IndexOf("data-kind=\"firing\"", StringComparison.Ordinal), "newest first");
        Assert.Contains(log.Lines, l => l.StartsWith("Information: Notice: [严重] demo/room-2", StringComparison.Ordinal) && l.EndsWith("(to 王工 (level 0))", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhatArrived_ShownAsText_OnlyAWebAddressBecomesALink_AndTheLast200Kept()
    {
        using var dir = new TempDirectory("inbox");
        await using var inbox = new NoticeInbox(Path.Combine(dir.Path, "notices.jsonl"), new ListLogger<NoticeInbox>(), new FakeTimeProvider(Now));
        await inbox.StartAsync(0, CancellationToken.None);
        using var http = new HttpClient();
        var sender = new WebhookSender(NoticeInbox.ChannelName, inbox.WebhookUrl, http);

        await sender.SendAsync(Notice(NoticeKind.Firing, "evil", Alert("r", "<script>alert(1)</script>", 1), "javascript:alert(2)"), CancellationToken.None);
        var page = await http.GetStringAsync(inbox.Address);
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);

        for (var i = 0; i < NoticeInbox.Keep + 4; i++)
        {
            await sender.SendAsync(Notice(NoticeKind.Test, $"t-{i}"), CancellationToken.None);
        }

        Assert.Equal(NoticeInbox.Keep, inbox.Notices.Count);
        Assert.Equal($"t-{NoticeInbox.Keep + 3}", inbox.Notices[0].Key);
        Assert.Equal(NoticeInbox.Keep + 5, (await File.ReadAllLinesAsync(Path.Combine(dir.Path, "notices.jsonl"))).Length);
    }

    [Fact]
    public async Task WithASecret_TheCollectorsSignedRequestsTaken_UnsignedWrongOrOldOnesRefused401()
    {
        using var dir = new TempDirectory("inbox");
        var clock = new FakeTimeProvider(Now);
        await using var inbox = new NoticeInbox(Path.Combine(dir.Path, "notices.jsonl"), new ListLogger<NoticeInbox>(), clock, "run-secret");
        await inbox.StartAsync(0, CancellationToken.None);
        using var http = new HttpClient();

        await new WebhookSender(NoticeInbox.ChannelName, inbox.WebhookUrl, http, secret: "run-secret", time: clock).SendAsync(Notice(NoticeKind.Test, "signed"), CancellationToken.None);

        var unsigned = await Assert.ThrowsAsync<NotificationException>(() => new WebhookSender("x", inbox.WebhookUrl, http).SendAsync(Notice(NoticeKind.Test, "unsigned"), CancellationToken.None));
        var wrong = await Assert.ThrowsAsync<NotificationException>(() => new WebhookSender("x", inbox.WebhookUrl, http, secret: "guess", time: clock).SendAsync(Notice(NoticeKind.Test, "wrong"), CancellationToken.None));
        var old = await Assert.ThrowsAsync<NotificationException>(() => new WebhookSender("x", inbox.WebhookUrl, http, secret: "run-secret", time: new FakeTimeProvider(Now.AddMinutes(-6))).SendAsync(Notice(NoticeKind.Test, "old"), CancellationToken.None));
        Assert.All([unsigned, wrong, old], e => Assert.Contains("401", e.Message, StringComparison.Ordinal));
        Assert.Equal(["signed"], inbox.Notices.Select(n => n.Key));

        // Whoever watches the page for notices sees that three were turned away, and why, newest first.
        var page = await http.GetStringAsync(inbox.Address);
        Assert.Contains("Every request must be signed with the channel's secret", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Refused 3 requests</h2>", page, StringComparison.Ordinal);
        string[] reasons =
        [
            "401 · X-LiveRoom-Timestamp 1795521240 is not within 5 minutes of this clock",
            "401 · X-LiveRoom-Signature does not match the body and the channel&#x27;s Secret",
            "401 · unsigned: X-LiveRoom-Timestamp and X-LiveRoom-Signature are required (the channel&#x27;s Secret)",
        ];
        Assert.All(reasons, r => Assert.Contains(r, page, StringComparison.Ordinal));
        Assert.True(
            page.IndexOf(reasons[0], StringComparison.Ordinal) < page.IndexOf(reasons[1], StringComparison.Ordinal)
            && page.IndexOf(reasons[1], StringComparison.Ordinal) < page.IndexOf(reasons[2], StringComparison.Ordinal),
            "newest first");
    }

    [Fact]
    public async Task BodyItCannotRead_RefusedNamingTheProblem_NothingKept()
    {
        using var dir = new TempDirectory("inbox");
        var log = new ListLogger<NoticeInbox>();
        await using var inbox = new NoticeInbox(Path.Combine(dir.Path, "notices.jsonl"), log, new FakeTimeProvider(Now));
        await inbox.StartAsync(0, CancellationToken.None);
        using var http = new HttpClient();

        async Task<(HttpStatusCode, string)> Post(string body, string type)
        {
            using var response = await http.PostAsync(inbox.WebhookUrl, new StringContent(body, Encoding.UTF8, type));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "expected a JSON body (Content-Type: application/json), got text/plain; charset=utf-8"), await Post("{}", "text/plain"));
        var (status, reason) = await Post("{\"kind\": ", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("the body is not JSON: ", reason, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "a notice is a JSON object, got Array"), await Post("[1]", "application/json"));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "the body is over 1024 KiB"), await Post("{\"title\":\"" + new string('x', (int)NoticeInbox.MaxBodyBytes) + "\"}", "application/json"));

        Assert.Empty(inbox.Notices);
        Assert.False(File.Exists(Path.Combine(dir.Path, "notices.jsonl")));
        Assert.Equal(4, log.Lines.Count(l => l.StartsWith("Warning: Notice inbox refused a POST: ", StringComparison.Ordinal)));
        var page = await http.GetStringAsync(inbox.Address);
        Assert.Contains("No notice yet.", page, StringComparison.Ordinal);
        Assert.Contains("Requests are not checked for a signature", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Refused 4 requests</h2>", page, StringComparison.Ordinal);
        Assert.Contains("413 · the body is over 1024 KiB</li>", page, StringComparison.Ordinal);
        Assert.Contains("415 · expected a JSON body (Content-Type: application/json), got text/plain; charset=utf-8</li>", page, StringComparison.Ordinal);

        // Counted in full, the last 20 listed.
        for (var i = 0; i < NoticeInbox.KeepRefused; i++)
        {
            await Post($"[{i}]", "application/json");
        }

        Assert.Equal(NoticeInbox.KeepRefused + 4, inbox.Refused.Count);
        Assert.Equal(NoticeInbox.KeepRefused, inbox.Refused.Last.Count);
        page = await http.GetStringAsync(inbox.Address);
        Assert.Contains($"<h2>Refused {NoticeInbox.KeepRefused + 4} requests</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"the last {NoticeInbox.KeepRefused} shown", page, StringComparison.Ordinal);
        Assert.DoesNotContain("413 ·", page, StringComparison.Ordinal);
    }

    private static AlertSnapshot Alert(string rule, string title, double value) =>
        new($"a-{rule}", rule, title, AlertSeverity.Critical, "demo", "room-2", AlertState.Firing, value, RuleOperator.Below, 30, Now.AddMinutes(-2), Now, null, null, null, null, 0, null, "Asia/Shanghai");

    private static AlertNotice Notice(NoticeKind kind, string key, AlertSnapshot? alert = null, string? link = null) =>
        new(
            kind,
            "demo",
            alert is null ? [] : [alert],
            [new RotaEntry { Site = "demo", Level = 0, Name = "王工" }],
            alert is null || link is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [alert.Id] = link },
            key,
            Now);
}
