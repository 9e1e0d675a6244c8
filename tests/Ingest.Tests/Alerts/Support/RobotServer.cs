using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveRoom.Contracts.Notices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Tests.Alerts.Support;

/// <summary>
/// Protocol-faithful stand-ins for the chat robots and a generic webhook receiver on 127.0.0.1:0. They check what the
/// real services check and answer as they do: DingTalk verifies <c>timestamp</c> (within an hour) and <c>sign</c> per its
/// documented algorithm (errcode 310000 when wrong) and refuses more than <see cref="PerMinute"/> messages a minute with
/// errcode 130101 "send too fast"; Feishu verifies the body's <c>timestamp</c>/<c>sign</c> (code 19021) and rate-limits
/// with code 11232; WeCom wants <c>msgtype: markdown</c> (errcode 40008 otherwise) and rate-limits with 45009.
/// The signature is recomputed here independently of the product code (HMAC over the documented strings).
/// </summary>
internal sealed class RobotServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _inWindow;

    private RobotServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string Secret { get; set; } = "SEC-test-secret-0123456789abcdef";

    public int PerMinute { get; set; } = 20;

    public ConcurrentQueue<(string Path, JsonObject Body, string? IdempotencyKey)> Accepted { get; } = new();

    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>Webhook: answer for request n (1-based) before it is accepted; 200 accepts.</summary>
    public Func<int, Task<int>> Webhook { get; set; } = _ => Task.FromResult(200);

    public int WebhookRequests;

    /// <summary>When set, the webhook verifies X-LiveRoom-Signature as docs/operations/webhook.md tells a receiver to, and answers 401 otherwise.</summary>
    public string? WebhookSecret { get; set; }

    public void ResetWindow() => Interlocked.Exchange(ref _inWindow, 0);

    public static async Task<RobotServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        RobotServer? self = null;
        app.MapPost("/robot/send", (Delegate)(async (HttpContext c) => await self!.DingTalkAsync(c))); // Delegate: not a RequestDelegate, so the IResult is written
        app.MapPost("/feishu/hook", (Delegate)(async (HttpContext c) => await self!.FeishuAsync(c))); // Delegate: not a RequestDelegate, so the IResult is written
        app.MapPost("/wecom/send", (Delegate)(async (HttpContext c) => await self!.WeComAsync(c))); // Delegate: not a RequestDelegate, so the IResult is written
        app.MapPost("/webhook", (Delegate)(async (HttpContext c) => await self!.WebhookAsync(c))); // Delegate: not a RequestDelegate, so the IResult is written
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new RobotServer(app, new Uri(address));
        return self;
    }

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<JsonObject> BodyAsync(HttpContext c) =>
        (JsonNode.Parse(await new StreamReader(c.Request.Body).ReadToEndAsync()) as JsonObject) ?? [];

    private async Task<IResult> DingTalkAsync(HttpContext c)
    {
        var body = await BodyAsync(c);
        var ts = c.Request.Query["timestamp"].ToString();
        var sign = c.Request.Query["sign"].ToString(); // ASP.NET Core has URL-decoded it already
        if (!long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ms) > 3_600_000)
        {
            return Refuse("dingtalk: bad timestamp", new { errcode = 310000, errmsg = "sign not match, more: [timestamp invalid]" });
        }

        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(ts + "\n" + Secret)));
        if (sign != expected)
        {
            return Refuse("dingtalk: bad sign", new { errcode = 310000, errmsg = "sign not match" });
        }

        if (Interlocked.Increment(ref _inWindow) > PerMinute)
        {
            return Refuse("dingtalk: too fast", new { errcode = 130101, errmsg = "send too fast, exceed 20 times per minute" });
        }

        if (body["msgtype"]?.GetValue<string>() is not ("markdown" or "actionCard" or "text"))
        {
            return Refuse("dingtalk: msgtype", new { errcode = 40035, errmsg = "缺少参数 json" });
        }

        Accepted.Enqueue(("dingtalk", body, null));
        return Results.Json(new { errcode = 0, errmsg = "ok" });
    }

    private async Task<IResult> FeishuAsync(HttpContext c)
    {
        var body = await BodyAsync(c);
        var ts = body["timestamp"]?.GetValue<string>() ?? "";
        var key = ts + "\n" + Secret;
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Array.Empty<byte>()));
        if (body["sign"]?.GetValue<string>() != expected)
        {
            return Refuse("feishu: bad sign", new { code = 19021, msg = "sign match fail or timestamp is not within one hour from current time" });
        }

        if (Interlocked.Increment(ref _inWindow) > PerMinute)
        {
            return Refuse("feishu: too fast", new { code = 11232, msg = "frequency limited psm" });
        }

        if (body["msg_type"]?.GetValue<string>() != "interactive" || body["card"] is null)
        {
            return Refuse("feishu: card", new { code = 9499, msg = "Bad Request" });
        }

        Accepted.Enqueue(("feishu", body, null));
        return Results.Json(new { code = 0, msg = "success", data = new { } });
    }

    private async Task<IResult> WeComAsync(HttpContext c)
    {
        var body = await BodyAsync(c);
        if (Interlocked.Increment(ref _inWindow) > PerMinute)
        {
            return Refuse("wecom: too fast", new { errcode = 45009, errmsg = "api freq out of limit" });
        }

        if (body["msgtype"]?.GetValue<string>() != "markdown" || body["markdown"]?["content"] is null)
        {
            return Refuse("wecom: msgtype", new { errcode = 40008, errmsg = "invalid message type" });
        }

        Accepted.Enqueue(("wecom", body, null));
        return Results.Json(new { errcode = 0, errmsg = "ok" });
    }

    private async Task<IResult> WebhookAsync(HttpContext c)
    {
        var raw = await new StreamReader(c.Request.Body).ReadToEndAsync();
        var body = JsonNode.Parse(raw) as JsonObject ?? [];
        var n = Interlocked.Increment(ref WebhookRequests);
        if (WebhookSecret is not null)
        {
            // The receiver's check as documented (pinned to openssl's HMAC by DispatcherTests.WebhookSignature_IsTheDocumentedHmac).
            var headers = c.Request.Headers;
            if (WebhookSignature.Problem(WebhookSecret, headers[WebhookSignature.TimestampHeader].ToString(), headers[WebhookSignature.SignatureHeader].ToString(), raw, DateTimeOffset.UtcNow) is not null)
            {
                Refused.Enqueue("webhook 401 bad signature");
                return Results.StatusCode(401);
            }
        }

        var status = await Webhook(n);
        if (status != 200)
        {
            Refused.Enqueue("webhook " + status.ToString(CultureInfo.InvariantCulture) + " " + c.Request.Headers["Idempotency-Key"]);
            return Results.StatusCode(status);
        }

        Accepted.Enqueue(("webhook", body, c.Request.Headers["Idempotency-Key"].ToString()));
        return Results.Ok();
    }

    private IResult Refuse(string why, object reply)
    {
        Refused.Enqueue(why);
        return Results.Text(JsonSerializer.Serialize(reply), "application/json"); // the robots answer 200 with an error code
    }
}
