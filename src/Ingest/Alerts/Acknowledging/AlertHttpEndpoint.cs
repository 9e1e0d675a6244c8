using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Hosting;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiveRoom.Ingest.Alerts.Acknowledging;

/// <summary>
/// The collector's small HTTP listener (<see cref="AlertOptions.HttpUrl"/>): <c>GET /alerts/{token}</c> shows the alert,
/// <c>GET /alerts/{token}/picture.jpg</c> the room's thumbnail nearest the alert's start (when one exists),
/// <c>POST /alerts/{token}/ack</c> and <c>/resolve</c> (form fields <c>who</c>, <c>note</c>) act on it — the signed token
/// authenticates, and state changes only on POST (anti-forgery: a cross-site form post is refused);
/// <c>GET /api/alerts</c> lists open alerts; <c>GET /api/incidents?site=&amp;room=&amp;show=&amp;from=&amp;to=&amp;format=csv|json</c>
/// exports incidents; the admin API is in <see cref="AdminRoutes"/>. Plain HTTP on loopback behind a reverse proxy, or
/// HTTPS itself with <see cref="AlertOptions.CertFile"/> (seed clause 4.5).
/// </summary>
public sealed class AlertHttpEndpoint(
    AlertAcknowledger acknowledger, AlertEngine engine, IncidentLog incidents, AlertAdmin? admin = null, string? adminToken = null, ThumbnailBook? thumbnails = null)
    : IAsyncDisposable
{
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
        app.MapGet("/alerts/{token}", (string token) =>
        {
            var (check, alert) = acknowledger.Open(token);
            return Html(check == TokenCheck.Valid ? 200 : 403, AlertPage.Render(token, alert, check == TokenCheck.Valid ? null : "Link " + check.ToString().ToLowerInvariant(), Picture(alert)));
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
        app.MapGet("/api/alerts", () => Results.Text(System.Text.Json.JsonSerializer.Serialize(engine.Open(), Store.AlertStore.Json), "application/json"));
        app.MapGet("/api/incidents", (string? site, string? room, string? show, DateTimeOffset? from, DateTimeOffset? to, string? format) =>
        {
            var found = incidents.Query(new IncidentFilter(site, room, show, from, to));
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? Results.Text(IncidentExport.Csv(found), "text/csv; charset=utf-8")
                : Results.Text(IncidentExport.Json(found), "application/json");
        });
        app.MapGet("/healthz", () => Results.Text("ok"));
        if (admin is not null)
        {
            AdminRoutes.Map(app, admin, engine, adminToken);
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
        var (check, result) = resolve ? acknowledger.Resolve(token, who, note) : acknowledger.Acknowledge(token, who, note);
        if (check != TokenCheck.Valid)
        {
            return Html(403, AlertPage.Render(token, null, "Link " + check.ToString().ToLowerInvariant()));
        }

        var (_, alert) = acknowledger.Open(token);
        var message = result switch
        {
            ActionResult.Done => resolve ? "Resolved. Thank you." : "Acknowledged. Reminders and escalation stop.",
            ActionResult.AlreadyDone => "Already acknowledged.",
            ActionResult.AlreadyResolved => "This alert is already resolved.",
            ActionResult.NotFiring => "This alert has not fired yet.",
            _ => "Unknown alert.",
        };
        return Html(result is ActionResult.Done or ActionResult.AlreadyDone or ActionResult.AlreadyResolved ? 200 : 409, AlertPage.Render(token, alert, message, Picture(alert)));
    }

    private ThumbnailBook.Thumbnail? Picture(AlertSnapshot? alert) =>
        alert is null || thumbnails is null ? null : thumbnails.Closest(alert.Site, alert.Room, alert.Since);

    private static IResult Html(int status, string html) => Results.Content(html, "text/html; charset=utf-8", null, status);
}
