using System.Net;
using System.Net.Mail;
using System.Net.Sockets;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// E-mail through SMTP (System.Net.Mail; <see cref="ChannelOptions.StartTls"/> upgrades with STARTTLS and fails when the
/// server does not offer it). To: the rota's addresses plus the channel's fixed recipients. Transport errors are retried;
/// 5xx replies are permanent.
/// </summary>
public sealed class SmtpSender(ChannelOptions options, NoticeLanguage language = NoticeLanguage.English) : INotificationSender
{
    public string Name => options.Name;

    public async Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var to = notice.Recipients.Select(r => r.Email).Concat(options.To).Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (to.Length == 0)
        {
            return;
        }

        using var message = new MailMessage
        {
            From = new MailAddress(options.From ?? "liveroom@localhost"),
            Subject = NotificationText.Title(notice, language),
            Body = NotificationText.Markdown(notice, mentions: false, language),
            SubjectEncoding = System.Text.Encoding.UTF8,
            BodyEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var address in to)
        {
            message.To.Add(address!);
        }

        message.Headers.Add("X-Idempotency-Key", notice.IdempotencyKey);
        using var client = new SmtpClient(options.SmtpHost, options.SmtpPort) { EnableSsl = options.StartTls, DeliveryMethod = SmtpDeliveryMethod.Network, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(options.Username))
        {
            client.Credentials = new NetworkCredential(options.Username, options.Password);
        }

        try
        {
            await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpException ex) when ((int)ex.StatusCode >= 500 && ex.InnerException is not (IOException or SocketException))
        {
            throw new NotificationException("SMTP " + ex.StatusCode, permanent: true);
        }
        catch (SmtpException ex)
        {
            throw new NotificationException("SMTP " + ex.StatusCode, permanent: false);
        }
    }
}
