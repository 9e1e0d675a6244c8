using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Alert.Bench;

/// <summary>A local webhook receiver that timestamps each notice on arrival (monotonic clock).</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<(long Arrived, string Kind, string Rule, string Room)> Received { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? self = null;
        app.MapPost("/hook", (Delegate)(async (HttpContext c) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            var body = JsonNode.Parse(await new StreamReader(c.Request.Body).ReadToEndAsync())!;
            foreach (var a in body["alerts"]!.AsArray())
            {
                self!.Received.Enqueue((arrived, body["kind"]!.GetValue<string>(), a!["rule"]!.GetValue<string>(), a["room"]!.GetValue<string>()));
            }

            return Results.Ok();
        }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new WebhookReceiver(app, new Uri(new Uri(address), "/hook"));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
