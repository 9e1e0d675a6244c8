using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Tests.Support;

/// <summary>
/// A tiny Kestrel server on 127.0.0.1 standing in for InfluxDB's <c>/write</c>: each request body goes to
/// <see cref="Respond"/>, which decides the answer (204, 503, 400 with an InfluxDB-style error…).
/// </summary>
internal sealed class FakeInflux : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeInflux(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>Bodies of every /write request, in arrival order.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>Answer for a request: status code and InfluxDB error text (null for none). Default: 204.</summary>
    public Func<string, int, (int Status, string? Error)> Respond { get; set; } = (_, _) => (204, null);

    /// <summary>Awaited before answering request n (1-based), e.g. to hold one past the client's timeout.</summary>
    public Func<int, Task>? Hold { get; set; }

    public static async Task<FakeInflux> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeInflux? self = null;
        app.MapPost("/write", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            self!.Bodies.Enqueue(body);
            var n = self.Bodies.Count;
            if (self.Hold is { } hold)
            {
                await hold(n);
            }

            var (status, error) = self.Respond(body, n);
            context.Response.StatusCode = status;
            if (error is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = error }));
            }
        });
        app.MapPost("/query", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"results\":[{\"statement_id\":0}]}");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeInflux(app, new Uri(address));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
