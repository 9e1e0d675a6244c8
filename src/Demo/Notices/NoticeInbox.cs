using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveRoom.Contracts.Notices;
using LiveRoom.Contracts.Validation;
using LiveRoom.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace LiveRoom.Demo.Notices;

/// <summary>
/// The demo's notice inbox: the receiving end of the webhook channel the demo gives the collector and the watchdog
/// (<c>Ingest:Alerts:Channels</c>), where a studio's incident tool or chat bridge would stand. It keeps the last
/// <see cref="Keep"/> notices for its page (<c>GET /</c>) and as JSON (<c>GET /notices</c>), appends every one to
/// <c>logs/notices.jsonl</c>, and logs one line per notice on the demo's console. A retry with an
/// <c>Idempotency-Key</c> already received is answered 200 and counted, not shown twice, as the webhook contract asks
/// of a receiver. A body it cannot read is refused with the reason (the collector's log then shows it). With a
/// <c>secret</c> it checks each request's signature as docs/operations/webhook.md tells a receiver to, and refuses 401
/// one that is missing, wrong or more than <see cref="WebhookSignature.Window"/> old. Refused requests are counted and the last
/// <see cref="KeepRefused"/> listed on the page with their reason (a sender's wrong secret shows here, not only in its log).
/// </summary>
internal sealed partial class NoticeInbox(string logFile, ILogger logger, TimeProvider time, string? secret = null) : IAsyncDisposable
{
    public const int Keep = 200;

    public const int KeepRefused = 20;

    public const long MaxBodyBytes = 1 << 20;

    public const string ChannelName = "demo-inbox";

    // Chinese titles and names as they are in the file and the JSON (read with tail and jq), not as \u escapes.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();
    private readonly LinkedList<ReceivedNotice> _notices = new();
    private readonly LinkedList<RefusedRequest> _refused = new();
    private long _refusedCount;
    private readonly SemaphoreSlim _file = new(1, 1);
    private WebApplication? _app;

    /// <summary>The page's address, once started.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Where the channel posts.</summary>
    public Uri WebhookUrl => new(Address ?? throw new InvalidOperationException("the notice inbox is not started"), "notices");

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ReceivedNotice> Notices
    {
        get
        {
            lock (_gate)
            {
                return [.. _notices];
            }
        }
    }

    /// <summary>The last <see cref="KeepRefused"/> refused requests, newest first, and how many were refused in all.</summary>
    public (IReadOnlyList<RefusedRequest> Last, long Count) Refused
    {
        get
        {
            lock (_gate)
            {
                return ([.. _refused], _refusedCount);
            }
        }
    }

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0: any free port).</summary>
    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(NoticeInbox).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.Listen(IPAddress.Loopback, port);
        });
        builder.Services.AddLogging();
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.UseRouting();
        app.MapPost("/notices", (HttpRequest request, CancellationToken ct) => ReceiveAsync(request, ct));
        app.MapGet("/notices", () => Results.Text(new JsonArray([.. Notices.Select(n => (JsonNode)n.Json())]).ToJsonString(Readable), "application/json; charset=utf-8"));
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet("/", () => Results.Text(NoticeInboxPage.Render(Notices, Refused, ChannelName, signed: secret is not null), "text/html; charset=utf-8"));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse($"expected a JSON body (Content-Type: application/json), got {request.ContentType ?? "no Content-Type"}", StatusCodes.Status415UnsupportedMediaType);
        }

        string raw;
        try
        {
            raw = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse($"the body is over {MaxBodyBytes / 1024} KiB", StatusCodes.Status413PayloadTooLarge);
        }

        if (secret is not null
            && WebhookSignature.Problem(secret, request.Headers[WebhookSignature.TimestampHeader].ToString(), request.Headers[WebhookSignature.SignatureHeader].ToString(), raw, time.GetUtcNow()) is { } problem)
        {
            return Refuse(problem, StatusCodes.Status401Unauthorized);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(raw);
        }
        catch (JsonException ex)
        {
            return Refuse($"the body is not JSON: {JsonProblem.Describe(ex)}", StatusCodes.Status400BadRequest);
        }

        if (node is not JsonObject body)
        {
            return Refuse($"a notice is a JSON object, got {node?.GetValueKind().ToString() ?? "null"}", StatusCodes.Status400BadRequest);
        }

        var key = request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } header ? header : ReceivedNotice.Text(body["idempotencyKey"]);
        var notice = new ReceivedNotice(time.GetUtcNow(), key.Length > 0 ? key : null, body);
        lock (_gate)
        {
            if (notice.Key is not null && _notices.FirstOrDefault(n => n.Key == notice.Key) is { } seen)
            {
                seen.Deliveries++;
                LogRetry(logger, seen.Title, seen.Deliveries);
                return Results.Ok();
            }

            _notices.AddFirst(notice);
            while (_notices.Count > Keep)
            {
                _notices.RemoveLast();
            }
        }

        LogReceived(logger, notice.Title, notice.Recipients);
        await AppendAsync(notice, cancellationToken).ConfigureAwait(false);
        return Results.Ok();
    }

    private async Task AppendAsync(ReceivedNotice notice, CancellationToken cancellationToken)
    {
        await _file.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(logFile, notice.Json().ToJsonString(Readable) + "\n", cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // The notice is on the page and in the console line; the file is the extra copy.
            LogFileFailed(logger, logFile, ex.Message);
        }
        finally
        {
            _file.Release();
        }
    }

    private IResult Refuse(string reason, int status)
    {
        LogRefused(logger, reason);
        lock (_gate)
        {
            _refusedCount++;
            _refused.AddFirst(new RefusedRequest(time.GetUtcNow(), status, reason));
            while (_refused.Count > KeepRefused)
            {
                _refused.RemoveLast();
            }
        }

        return Results.Text(reason, "text/plain; charset=utf-8", statusCode: status);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        _file.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice: {Title} (to {Recipients})")]
    private static partial void LogReceived(ILogger logger, string title, string recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice delivered again (a retry), shown once: {Title}, {Deliveries} deliveries")]
    private static partial void LogRetry(ILogger logger, string title, int deliveries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice inbox refused a POST: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice inbox could not append to {File}: {Reason}")]
    private static partial void LogFileFailed(ILogger logger, string file, string reason);
}
