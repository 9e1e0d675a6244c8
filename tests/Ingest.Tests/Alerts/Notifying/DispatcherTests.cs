using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Tests.Alerts.Notifying;

/// <summary>Polly retries, idempotency keys, isolation between channels and digests under a rate limit.</summary>
public sealed class DispatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new();
    private RobotServer _robot = null!;

    public async Task InitializeAsync() => _robot = await RobotServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _robot.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task Webhook_500Then200_IsRetriedWithTheSameIdempotencyKey_DeliveredOnce()
    {
        _robot.Webhook = n => Task.FromResult(n <= 2 ? 500 : 200);
        var dispatcher = new NotificationDispatcher(NullLogger.Instance, TimeProvider.System);
        dispatcher.Add(new WebhookSender("hook", new Uri(_robot.Url("/webhook")), _http), 20, AlertSeverity.Info, 5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5));
        var run = dispatcher.RunAsync(_stop.Token);
        dispatcher.Enqueue(Notices.Firing("firing-a1-7"));

        await Eventually.WaitAsync(() => !_robot.Accepted.IsEmpty, Wait, "webhook delivery");
        var (_, body, key) = Assert.Single(_robot.Accepted);
        Assert.Equal("firing-a1-7", key);
        Assert.Equal("firing-a1-7", body["idempotencyKey"]!.GetValue<string>());
        Assert.Equal(["webhook 500 firing-a1-7", "webhook 500 firing-a1-7"], _robot.Refused);
        Assert.Equal("15 < 29.5", body["alerts"]![0]!["measured"]!.GetValue<string>());
        Assert.False(run.IsFaulted);
    }

    [Fact]
    public async Task Webhook_WithASecret_EveryAttemptSigned_TheReceiverVerifies_AWrongSecretIsRefusedOnce()
    {
        _robot.WebhookSecret = "whsec-studio-7";
        var verified = 0; // the stand-in asks for an answer only once the signature holds
        _robot.Webhook = _ => Task.FromResult(Interlocked.Increment(ref verified) == 1 ? 503 : 200);
        var dispatcher = new NotificationDispatcher(NullLogger.Instance, TimeProvider.System);
        dispatcher.Add(new WebhookSender("signed", new Uri(_robot.Url("/webhook")), _http, secret: "whsec-studio-7"), 20, AlertSeverity.Info, 5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5));
        dispatcher.Add(new WebhookSender("wrong", new Uri(_robot.Url("/webhook")), _http, secret: "not-the-secret"), 20, AlertSeverity.Info, 5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5));
        var run = dispatcher.RunAsync(_stop.Token);

        dispatcher.Enqueue(Notices.Firing("firing-a1-8"));

        await Eventually.WaitAsync(() => !_robot.Accepted.IsEmpty && _robot.Refused.Count >= 2, Wait, "the signed delivery and the refusal");
        await Task.Delay(300); // a retry of the refused one would arrive within this
        Assert.Equal("firing-a1-8", Assert.Single(_robot.Accepted).IdempotencyKey);
        // The signed channel's first attempt got 503 and its retry, signed again, was taken; the wrong secret got 401
        // once: permanent, no retry.
        Assert.Equal(["webhook 401 bad signature", "webhook 503 firing-a1-8"], _robot.Refused.Order(StringComparer.Ordinal));
        Assert.Equal(3, _robot.WebhookRequests);
        Assert.False(run.IsFaulted);
    }

    [Fact]
    public void WebhookSignature_IsTheDocumentedHmac()
    {
        // docs/operations/webhook.md's worked example, as openssl computes it there.
        Assert.Equal(
            "sha256=3eef8a437a4bc8c58de3905a49d6cd91908cae3fe6551b0429f7cf9dca63601b",
            LiveRoom.Contracts.Notices.WebhookSignature.Compute("whsec-studio-7", "1795521770", "{\"kind\":\"test\"}"));
    }

    [Fact]
    public async Task SlowWebhook_DoesNotHoldUpOtherChannels()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _robot.Webhook = async _ =>
        {
            await release.Task;
            return 200;
        };
        var dispatcher = new NotificationDispatcher(NullLogger.Instance, TimeProvider.System);
        dispatcher.Add(new WebhookSender("slow", new Uri(_robot.Url("/webhook")), _http), 20, AlertSeverity.Info, 5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30));
        dispatcher.Add(new WeComSender("wc", new Uri(_robot.Url("/wecom/send?key=k")), _http), 20, AlertSeverity.Info, 5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30));
        _ = dispatcher.RunAsync(_stop.Token);
        dispatcher.Enqueue(Notices.Firing());

        await Eventually.WaitAsync(() => _robot.Accepted.Any(a => a.Path == "wecom"), Wait, "wecom delivery while the webhook hangs");
        Assert.DoesNotContain(_robot.Accepted, a => a.Path == "webhook");
        release.SetResult();
        await Eventually.WaitAsync(() => _robot.Accepted.Any(a => a.Path == "webhook"), Wait, "webhook delivery after release");
    }

    [Fact]
    public async Task Burst_BeyondRateLimit_IsDigestedIntoOneMessage()
    {
        var start = DateTimeOffset.UtcNow;
        var time = new FakeTimeProvider(start);
        var dispatcher = new NotificationDispatcher(NullLogger.Instance, time);
        dispatcher.Add(new DingTalkSender("dt", _robot.Url("/robot/send?access_token=abc"), _robot.Secret, _http, TimeProvider.System), 1, AlertSeverity.Info, 0, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10));
        _ = dispatcher.RunAsync(_stop.Token);
        dispatcher.Enqueue(Notices.Firing("k0", "r0"));
        await Eventually.WaitAsync(() => _robot.Accepted.Count == 1, Wait, "first message");

        for (var i = 1; i <= 10; i++)
        {
            dispatcher.Enqueue(Notices.Firing("k" + i, "r" + i));
        }

        _robot.ResetWindow();
        // The clock moves once the lane waits for its window (a minute after the first message): moved earlier, the
        // lane would start a full minute's wait after the move and never see it end.
        await Eventually.WaitAsync(() => time.PendingDueTimes().Contains(start + TimeSpan.FromMinutes(1)), Wait, "the lane waiting for its rate-limit window");
        time.Advance(TimeSpan.FromSeconds(61));
        await Eventually.WaitAsync(() => _robot.Accepted.Count == 2, Wait, "digest");
        var digest = _robot.Accepted.Last().Body["markdown"]!["text"]!.GetValue<string>();
        for (var i = 1; i <= 10; i++)
        {
            Assert.Contains($"s1/r{i}**", digest, StringComparison.Ordinal);
        }

        Assert.Empty(_robot.Refused);
    }
}
