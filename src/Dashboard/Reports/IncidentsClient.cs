using System.Globalization;
using System.Text.Json;
using LiveRoom.Dashboard.Alerting;

namespace LiveRoom.Dashboard.Reports;

/// <summary>
/// Reads incident records from the collector's alert listener (<c>GET /api/incidents</c>, issue 7 item 6) with the admin
/// token, through <see cref="CollectorAdminClient"/>: with several collectors (primary/standby) from the first that answers.
/// </summary>
internal sealed class IncidentsClient(CollectorAdminClient collector)
{
    /// <summary>Incidents of a room that began in [from, to); when no collector answers, a result with each one's reason.</summary>
    public async Task<(IReadOnlyList<IncidentSummary> Items, string? Problem)> GetAsync(string site, string room, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"api/incidents?site={Uri.EscapeDataString(site)}&room={Uri.EscapeDataString(room)}&from={Uri.EscapeDataString(from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&format=json");
        var answer = await collector.SendAsync(HttpMethod.Get, query, null, cancellationToken);
        if (!answer.Answered || answer.Status != StatusCodes.Status200OK)
        {
            return ([], "incidents not available: " + (answer.Problem ?? string.Create(CultureInfo.InvariantCulture, $"the collector answered {answer.Status} for incidents")));
        }

        try
        {
            using var doc = JsonDocument.Parse(answer.Body);
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
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return ([], "incidents not available: the collector's answer could not be read: " + ex.Message);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        Text(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
