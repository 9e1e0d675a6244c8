using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Hosting;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiveRoom.Ingest.Alerts.Acknowledging;

/// <summary>
/// The collector's small HTTP listener (<see cref="AlertOptions.HttpUrl"/>): <c>GET /alerts/{token}</c> shows the alert,
/// <c>GET /alerts/{token}/picture.jpg</c> the room's thumbnail nearest the alert's start (when one exists),
/// <c>POST /alerts/{token}/ack</c> and <c>/resolve</c> (form fields <c>who</c>, <c>note</c>) act on it — the signed token
/// authenticates, and state changes only on POST (anti-forgery: a cross-site form post is refused);
/// <c>GET /api/alerts</c> lists open alerts, <c>POST /api/alerts/{id}/ack</c> and <c>/resolve</c> (JSON <c>who</c>,
/// <c>note</c>) act for the dashboard's signed-in user, <c>GET /api/incidents?site=&amp;room=&amp;show=&amp;from=&amp;to=&amp;format=csv|json</c>
/// exports incidents — these three only with the admin token (<see cref="AdminGate"/>); the admin API is in <see cref="AdminRoutes"/>. Plain HTTP on loopback behind a reverse proxy, or
/// HTTPS itself with <see cref="AlertOptions.CertFile"/> (seed clause 4.5).
/// </summary>
public sealed class AlertHttpEndpoint(
    AlertAcknowledger acknowledger, AlertEngine engine, IncidentLog incidents, AlertAdmin? admin = null, string? adminToken = null, ThumbnailBook? thumbnails = null, string? dashboardUrl = null)
    : IAsyncDisposable
{
    private readonly AdminGate _gate = new(adminToken);
    private WebApplication? _app;

    public Uri? Address { get; private set; }

    /// <param name="url">http:// or https:// address to listen on (port 0: any free port).</param>
    /// <param name="certificate">For https: the certificate (with its key) and the intermediates to send along.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task StartAsync(string url, (X509Certificate2 Certificate, X509Certificate2Collection Chain)? certificate, CancellationToken cancellationToken)
    {
        (_app, Address) = await CollectorListener.StartAsync(url, certificate, Map, cancellationToken).ConfigureAwait(false);
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/alerts/{token}", (string token, HttpContext http) =>
        {
            var language = AlertPage.LanguageOf(http.Request);
            var (check, alert) = acknowledger.Open(token);
            return Html(check == TokenCheck.Valid ? 200 : 403, AlertPage.Render(token, alert, check == TokenCheck.Valid ? null : AlertPage.Say(check, language), Picture(alert), dashboardUrl, language, OnDuty(alert)));
        });
        app.MapGet("/alerts/{token}/picture.jpg", (string token) =>
        {
            // The same signed token as the page: the picture of a room is as private as the alert.
            var (check, alert) = acknowledger.Open(token);
            return check == TokenCheck.Valid && Picture(alert) is { } picture
                ? Results.File(picture.Jpeg, "image/jpeg")
                : Results.StatusCode(check == TokenCheck.Valid ? 404 : 403);
        });
        app.MapPost("/alerts/{token}/ack", (string token, HttpContext http) => ActAsync(token, http, resolve: false));
        app.MapPost("/alerts/{token}/resolve", (string token, HttpContext http) => ActAsync(token, http, resolve: true));
        app.MapGet("/api/alerts", (HttpContext c) => _gate.Allowed(c)
            ? Results.Text(JsonSerializer.Serialize(engine.Open(), Store.AlertStore.Json), "application/json")
            : _gate.Refusal());
        app.MapPost("/api/alerts/{id}/ack", (string id, HttpContext c) => ActOnIdAsync(id, c, resolve: false));
        app.MapPost("/api/alerts/{id}/resolve", (string id, HttpContext c) => ActOnIdAsync(id, c, resolve: true));
        app.MapGet("/api/incidents", (HttpContext c, string? site, string? room, string? show, DateTimeOffset? from, DateTimeOffset? to, string? format) =>
        {
            if (!_gate.Allowed(c))
            {
                return _gate.Refusal();
            }

            var found = incidents.Query(new IncidentFilter(site, room, show, from, to));
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? Results.Text(IncidentExport.Csv(found), "text/csv; charset=utf-8")
                : Results.Text(IncidentExport.Json(found), "application/json");
        });
        app.MapGet("/healthz", () => Results.Text("ok"));
        if (admin is not null)
        {
            AdminRoutes.Map(app, admin, engine, _gate);
        }
    }

    public async ValueTask DisposeAsync() => await CollectorListener.StopAsync(_app).ConfigureAwait(false);

    private async Task<IResult> ActAsync(string token, HttpContext http, bool resolve)
    {
        if (string.Equals(http.Request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase) || !http.Request.HasFormContentType)
        {
            return Results.StatusCode(403);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var who = form["who"].ToString();
        var note = form["note"].ToString();
        var language = AlertPage.LanguageOf(http.Request);
        var (check, result) = resolve ? acknowledger.Resolve(token, who, note) : acknowledger.Acknowledge(token, who, note);
        if (check != TokenCheck.Valid)
        {
            return Html(403, AlertPage.Render(token, null, AlertPage.Say(check, language), language: language));
        }

        var (_, alert) = acknowledger.Open(token);
        var message = AlertPage.Say(result, resolve, language);
        return Html(result is ActionResult.Done or ActionResult.AlreadyDone or ActionResult.AlreadyResolved ? 200 : 409, AlertPage.Render(token, alert, message, Picture(alert), dashboardUrl, language, OnDuty(alert)));
    }

    // The dashboard acting for its signed-in user: the admin token authenticates, the body names who and why.
    private async Task<IResult> ActOnIdAsync(string id, HttpContext http, bool resolve)
    {
        if (!_gate.Allowed(http))
        {
            return _gate.Refusal();
        }

        ActRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ActRequest>(http.Request.Body, Store.AlertStore.Json, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return Results.Text(JsonSerializer.Serialize(new { errors = new[] { "the body is not a valid request: " + ex.Message } }), "application/json", statusCode: 400);
        }

        if (string.IsNullOrWhiteSpace(body?.Who))
        {
            return Results.Text("{\"errors\":[\"who is missing: name the person who acts\"]}", "application/json", statusCode: 400);
        }

        var result = acknowledger.ActOnId(id, body.Who, body.Note, resolve);
        var status = result switch
        {
            ActionResult.Done or ActionResult.AlreadyDone or ActionResult.AlreadyResolved => 200,
            ActionResult.UnknownAlert => 404,
            _ => 409,
        };
        return Results.Text(
            JsonSerializer.Serialize(new ActAnswer(result, engine.Find(id)), Store.AlertStore.Json), "application/json", statusCode: status);
    }

    /// <summary>Body of <c>POST /api/alerts/{id}/ack</c> and <c>/resolve</c>.</summary>
    internal sealed record ActRequest(string? Who, string? Note);

    /// <summary>The answer: what happened and the alert as it now stands (null when unknown).</summary>
    internal sealed record ActAnswer(ActionResult Result, AlertSnapshot? Alert);

    private ThumbnailBook.Thumbnail? Picture(AlertSnapshot? alert) =>
        alert is null || thumbnails is null ? null : thumbnails.Closest(alert.Site, alert.Room, alert.Since);

    // Whom an escalation of this alert would reach now (names only: the page faces phones, the mobiles stay in the rota).
    private IReadOnlyList<Rota.OnDutyLevel>? OnDuty(AlertSnapshot? alert) => alert is null || admin is null ? null : admin.OnDuty([alert.Site]);

    private static IResult Html(int status, string html) => Results.Content(html, "text/html; charset=utf-8", null, status);
}
