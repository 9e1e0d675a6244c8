using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Influx;

/// <summary>Runs InfluxQL on the v1 <c>/query</c> endpoint (GET, <c>epoch=ms</c>) and parses the answer.</summary>
internal sealed class InfluxQueryClient(HttpClient http, IOptions<DashboardOptions> options)
{
    private readonly InfluxOptions influx = options.Value.Influx;

    /// <summary>The database queried, for messages.</summary>
    public string Database => influx.Database;

    /// <exception cref="InfluxQueryException">InfluxDB is unreachable, timed out or refused the query.</exception>
    public Task<IReadOnlyList<InfluxStatementResult>> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        var uri = string.Create(
            CultureInfo.InvariantCulture,
            $"query?db={Uri.EscapeDataString(influx.Database)}&epoch=ms&q={Uri.EscapeDataString(influxQl)}");
        return SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);
    }

    /// <summary>Statements that change something (CREATE, SELECT INTO): InfluxDB wants them POSTed.</summary>
    /// <exception cref="InfluxQueryException">InfluxDB is unreachable, timed out or refused the query.</exception>
    public Task<IReadOnlyList<InfluxStatementResult>> ExecuteAsync(string influxQl, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"query?db={Uri.EscapeDataString(influx.Database)}&epoch=ms")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", influxQl)]),
        };
        return SendAsync(request, cancellationToken);
    }

    private async Task<IReadOnlyList<InfluxStatementResult>> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var disposeRequest = request;
        if (!string.IsNullOrEmpty(influx.Username))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{influx.Username}:{influx.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new InfluxQueryException($"InfluxDB at {http.BaseAddress} is unreachable: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InfluxQueryException($"InfluxDB at {http.BaseAddress} did not answer within {http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new InfluxQueryException(
                    $"InfluxDB at {http.BaseAddress} answered HTTP {(int)response.StatusCode} with a body that is not JSON", ex);
            }

            using (document)
            {
                return InfluxResponseParser.Parse(document.RootElement);
            }
        }
    }
}
