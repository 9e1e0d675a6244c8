using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Reports;

/// <summary>
/// Reads incident records from the collector's alert listener (<c>GET /api/incidents</c>, issue 7 item 6); with several
/// collectors (primary/standby) from the first one that answers.
/// </summary>
internal sealed class IncidentsClient(HttpClient http, IOptions<DashboardOptions> options)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.AlertsUrl) && !string.IsNullOrEmpty(options.Value.AlertsAdminToken);

    /// <summary>Incidents of a room that began in [from, to); when no collector answers, a result with each one's reason.</summary>
    public async Task<(IReadOnlyList<IncidentSummary> Items, string? Problem)> GetAsync(string site, string room, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!Configured)
        {
            return ([], "incidents not available: set Dashboard:AlertsUrl (the collectors' alert listeners) and Dashboard:AlertsAdminToken (their Ingest:Alerts:AdminToken)");
        }

        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"api/incidents?site={Uri.EscapeDataString(site)}&room={Uri.EscapeDataString(room)}&from={Uri.EscapeDataString(from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&format=json");
        var (items, problem) = await CollectorList.FirstAnswerAsync(options.Value.AlertsUrls(), c => GetFromAsync(CollectorList.At(c, query), cancellationToken));
        return problem is null ? (items!, null) : ([], "incidents not available: " + problem);
    }

    private async Task<(IReadOnlyList<IncidentSummary>? Items, string? Problem)> GetFromAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AlertsAdminToken);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                return ([], "the collector refused the admin token (Dashboard:AlertsAdminToken must equal the collector's Ingest:Alerts:AdminToken)");
            }

            if (!response.IsSuccessStatusCode)
            {
                return ([], string.Create(CultureInfo.InvariantCulture, $"the collector answered {(int)response.StatusCode} for incidents"));
            }

            using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken), default);
            var items = new List<IncidentSummary>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                items.Add(new IncidentSummary(
                    Text(e, "alertId") ?? string.Empty,
                    Text(e, "rule") ?? string.Empty,
                    Text(e, "title") ?? string.Empty,
                    Text(e, "severity") ?? string.Empty,
                    Time(e, "firedAt"),
                    Time(e, "acknowledgedAt"),
                    Text(e, "acknowledgedBy"),
                    Time(e, "resolvedAt")));
            }

            return (items, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ([], ex.Message);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        Text(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
