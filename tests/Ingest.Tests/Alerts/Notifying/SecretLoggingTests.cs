using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Notifying;

public sealed class SecretLoggingTests
{
    [Fact]
    public async Task FailingAndRetriedRobots_NeverLogSecretOrAccessToken()
    {
        await using var robot = await RobotServer.StartAsync();
        using var http = new HttpClient();
        using var stop = new CancellationTokenSource();
        var log = new ListLogger<SecretLoggingTests>();
        var dispatcher = new NotificationDispatcher(log, TimeProvider.System);
        dispatcher.Add(new DingTalkSender("dt", robot.Url("/robot/send?access_token=TOKEN-abc"), "SEC-wrong-secret", http, TimeProvider.System), 20, AlertSeverity.Info, 2, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(5));
        dispatcher.Add(new WebhookSender("hook", new Uri(robot.Url("/webhook?token=TOKEN-def")), http), 20, AlertSeverity.Info, 2, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(5));
        robot.Webhook = _ => Task.FromResult(503);
        _ = dispatcher.RunAsync(stop.Token);
        dispatcher.Enqueue(Notices.Firing());

        await Eventually.WaitAsync(() => log.Lines.Count(l => l.Contains("could not be sent", StringComparison.Ordinal)) == 2, TimeSpan.FromSeconds(20), "both channels give up");
        await stop.CancelAsync();
        Assert.Contains(log.Lines, l => l.Contains("failed (attempt", StringComparison.Ordinal) && l.Contains("firing-a1-1", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Contains("SEC-wrong-secret", StringComparison.Ordinal) || l.Contains("TOKEN-", StringComparison.Ordinal));
    }
}
