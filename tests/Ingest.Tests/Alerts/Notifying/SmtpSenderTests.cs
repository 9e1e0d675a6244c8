using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Tests.Alerts.Support;

namespace LiveRoom.Ingest.Tests.Alerts.Notifying;

public sealed class SmtpSenderTests
{
    [Fact]
    public async Task Send_ToLocalSmtpServer_DeliversToRotaAndFixedRecipients()
    {
        await using var smtp = new SmtpTestServer();
        var sender = new SmtpSender(new ChannelOptions
        {
            Type = "email", Name = "mail", SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, StartTls = false, From = "liveroom@example.test", To = ["noc@example.test"],
        });

        await sender.SendAsync(Notices.Firing(), CancellationToken.None);

        var (from, to, data) = Assert.Single(smtp.Messages);
        Assert.Equal("<liveroom@example.test>", from);
        Assert.Equal(["<tech@example.test>", "<noc@example.test>"], to);
        Assert.Contains("Subject: [WARNING] s1/r1: Frame rate below 30 fps", data, StringComparison.Ordinal);
        Assert.Contains("X-Idempotency-Key: firing-a1-1", data, StringComparison.Ordinal);
        Assert.Contains(smtp.Commands, c => c.StartsWith("EHLO", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_StartTlsRequiredButNotOffered_FailsWithoutSending()
    {
        await using var smtp = new SmtpTestServer();
        var sender = new SmtpSender(new ChannelOptions { Type = "email", Name = "mail", SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, StartTls = true, To = ["noc@example.test"] });
        var ex = await Assert.ThrowsAsync<NotificationException>(() => sender.SendAsync(Notices.Firing(), CancellationToken.None));
        Assert.StartsWith("SMTP", ex.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }
}
