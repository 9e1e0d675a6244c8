using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Alerting;

/// <summary>What the collector answered (status and body), or why no collector did (<paramref name="NotConfigured"/>: the dashboard lacks the settings).</summary>
internal sealed record CollectorAnswer(int Status, string Body, string? Problem, bool NotConfigured = false)
{
    public bool Answered => Problem is null;
}

/// <summary>
/// Calls the collector's admin API (<c>/api/rules</c>, <c>/api/rota</c>, <c>/api/silences</c>, and its open alerts and
/// incident records) with
/// <see cref="DashboardOptions.AlertsAdminToken"/>; with several collectors (<see cref="DashboardOptions.AlertsUrl"/>)
/// the first that answers, as only the active one listens.
/// </summary>
internal sealed class CollectorAdminClient(HttpClient http, IOptions<DashboardOptions> options)
{
    /// <summary>Why alert settings are not available here, or null when they are configured.</summary>
    public string? NotConfigured =>
        string.IsNullOrWhiteSpace(options.Value.AlertsUrl) || string.IsNullOrEmpty(options.Value.AlertsAdminToken)
            ? "set Dashboard:AlertsUrl (the collectors' alert listeners) and Dashboard:AlertsAdminToken (their Ingest:Alerts:AdminToken)"
            : null;

    public async Task<CollectorAnswer> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        if (NotConfigured is { } why)
        {
            return new CollectorAnswer(0, string.Empty, why, NotConfigured: true);
        }

        var (answer, problem) = await CollectorList.FirstAnswerAsync(options.Value.AlertsUrls(), c => AskAsync(method, CollectorList.At(c, path), json, cancellationToken));
        return answer ?? new CollectorAnswer(0, string.Empty, "no collector answered: " + problem);
    }

    // A refused token or a server error counts as no answer: the next collector is asked.
    private async Task<(CollectorAnswer? Answer, string? Problem)> AskAsync(HttpMethod method, Uri url, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
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
            return status switch
            {
                StatusCodes.Status403Forbidden => (null, "the collector refused the admin token (Dashboard:AlertsAdminToken must equal the collector's Ingest:Alerts:AdminToken)"),
                >= 500 => (null, string.Create(CultureInfo.InvariantCulture, $"the collector answered {status}")),
                _ => (new CollectorAnswer(status, body, null), null),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, ex.Message);
        }
    }
}
