using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Alerting;

/// <summary>What the collector answered (status and body), or why no collector did.</summary>
internal sealed record CollectorAnswer(int Status, string Body, string? Problem)
{
    public bool Answered => Problem is null;
}

/// <summary>
/// Calls the collector's admin API (<c>/api/rules</c>, <c>/api/rota</c>, <c>/api/silences</c>) with
/// <see cref="DashboardOptions.AlertsAdminToken"/>; with several collectors (<see cref="DashboardOptions.AlertsUrl"/>)
/// the first that answers, as only the active one listens.
/// </summary>
internal sealed class CollectorAdminClient(HttpClient http, IOptions<DashboardOptions> options)
{
    /// <summary>Why alert settings are not available here, or null when they are configured.</summary>
    public string? NotConfigured =>
        string.IsNullOrWhiteSpace(options.Value.AlertsUrl) || string.IsNullOrEmpty(options.Value.AlertsAdminToken)
            ? "alert settings are not available: set Dashboard:AlertsUrl (the collectors' alert listeners) and Dashboard:AlertsAdminToken (their Ingest:Alerts:AdminToken)"
            : null;

    public async Task<CollectorAnswer> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        if (NotConfigured is { } why)
        {
            return new CollectorAnswer(0, string.Empty, why);
        }

        var collectors = options.Value.AlertsUrls();
        var problems = new List<string>();
        foreach (var collector in collectors)
        {
            using var request = new HttpRequestMessage(method, new Uri(new Uri(collector.ToString().TrimEnd('/') + "/"), path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AlertsAdminToken);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var status = (int)response.StatusCode;
                if (status == StatusCodes.Status403Forbidden)
                {
                    problems.Add($"{collector}: the collector refused the admin token (Dashboard:AlertsAdminToken must equal the collector's Ingest:Alerts:AdminToken)");
                }
                else if (status >= 500)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{collector}: the collector answered {status}"));
                }
                else
                {
                    return new CollectorAnswer(status, body, null);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                problems.Add($"{collector}: {ex.Message}");
            }
        }

        return new CollectorAnswer(0, string.Empty, "no collector answered: " + string.Join("; ", problems));
    }
}
