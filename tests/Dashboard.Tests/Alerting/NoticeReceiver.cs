using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Dashboard.Tests.Alerting;

/// <summary>
/// Where the collector's notices go in these tests, on 127.0.0.1:0: a generic webhook that accepts (200) and keeps what
/// it got, and a DingTalk robot that refuses every message as DingTalk does when the signing secret is not its own
/// (errcode 310000 "sign not match") — a misconfigured channel, as a test notice should find it.
/// </summary>
public sealed class NoticeReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonObject> _received = new();
    private WebApplication _app = null!;

    public string Url { get; private set; } = string.Empty;

    /// <summary>What the webhook got, in order.</summary>
    public IReadOnlyList<JsonObject> Received => [.. _received];

    /// <summary>The collector's options for both channels: "ops-hook" (webhook) and "ops-robot" (DingTalk, Chinese).</summary>
    public string[] CollectorArguments =>
    [
        "--Ingest:Alerts:Channels:0:Name=ops-hook", "--Ingest:Alerts:Channels:0:Type=webhook", $"--Ingest:Alerts:Channels:0:Url={Url}/webhook",
        "--Ingest:Alerts:Channels:1:Name=ops-robot", "--Ingest:Alerts:Channels:1:Type=dingtalk", $"--Ingest:Alerts:Channels:1:Url={Url}/robot/send?access_token=t",
        "--Ingest:Alerts:Channels:1:Secret=SEC-not-the-robots-own-secret", "--Ingest:Alerts:Channels:1:Language=zh",
    ];

    public static async Task<NoticeReceiver> StartAsync()
    {
        var receiver = new NoticeReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/webhook", async (HttpContext c) =>
        {
            if (await JsonNode.ParseAsync(c.Request.Body) is JsonObject body)
            {
                receiver._received.Enqueue(body);
            }

            return Results.Ok();
        });
        app.MapPost("/robot/send", () => Results.Json(new { errcode = 310000, errmsg = "sign not match" }));
        await app.StartAsync();
        receiver._app = app;
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
