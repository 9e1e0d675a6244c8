using System.Text.Json;
using System.Text.Json.Nodes;
using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;

namespace LiveRoom.Dashboard.Alerting;

/// <summary>
/// <c>POST /api/alerting/test-notice</c> <c>{"site":…,"level":…}</c>: the collector sends a test notice through every
/// channel to the people an alert at that level of the site would reach now, named as the signed-in user, and answers
/// per channel (delivered, or the receiver's reason). On-call staff and admins, for the sites they see; in the audit
/// log, "failed" with the channels that failed.
/// </summary>
internal static class TestNoticeApi
{
    private static LocalText NotSent => new("Test notice not sent", "测试通知未发送");

    public static async Task<IResult> SendAsync(HttpContext http, CollectorAdminClient collector, AuditLog audit, CancellationToken ct)
    {
        string site;
        int level;
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct) as JsonObject ?? throw new JsonException("the body is not a JSON object");
            site = body["site"]?.GetValue<string>() ?? throw new JsonException("site is missing");
            level = body["level"]?.GetValue<int>() ?? 0;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return Problems.BadRequest(NotSent, new LocalText("The body is not a test notice request ({\"site\":…,\"level\":…}): " + ex.Message, "请求体不是测试通知请求（{\"site\":…,\"level\":…}）：" + ex.Message));
        }

        var actor = http.User.UserName();
        var ip = SessionAuthenticationHandler.Ip(http);
        if (!http.User.MaySee(site))
        {
            audit.Write(actor, ip, AlertingAuditActions.TestNotice, site, "denied", null);
            return Problems.Forbidden(NotSent, new LocalText($"You may not send notices to the people on duty at site '{site}'.", $"你无权向站点“{site}”的值班人员发送通知。"));
        }

        var request = new JsonObject { ["site"] = site, ["level"] = level, ["by"] = actor }.ToJsonString();
        var answer = await collector.SendAsync(HttpMethod.Post, "api/notify/test", request, ct);
        if (!answer.Answered)
        {
            audit.Write(actor, ip, AlertingAuditActions.TestNotice, site, "failed", answer.Problem);
            return AlertingApi.Unavailable(answer);
        }

        if (answer.Status != StatusCodes.Status200OK)
        {
            var reasons = AlertingApi.Errors(answer.Body);
            audit.Write(actor, ip, AlertingAuditActions.TestNotice, site, "failed", reasons.English);
            return Problems.Problem(answer.Status, NotSent, reasons);
        }

        var failed = (JsonNode.Parse(answer.Body)?["channels"]?.AsArray() ?? [])
            .Where(c => c?["delivered"]?.GetValue<bool>() == false)
            .Select(c => c!["channel"]?.GetValue<string>() + ": " + c["error"]?.GetValue<string>())
            .ToArray();
        audit.Write(actor, ip, AlertingAuditActions.TestNotice, site, failed.Length == 0 ? "ok" : "failed", failed.Length == 0 ? "level " + level : string.Join("; ", failed));
        return Results.Text(answer.Body, "application/json");
    }
}
