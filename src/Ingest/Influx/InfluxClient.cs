using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LiveRoom.Ingest.Options;

namespace LiveRoom.Ingest.Influx;

/// <summary>
/// The InfluxDB v1 HTTP API: <c>/write</c> (line protocol, nanosecond precision) and <c>/query</c> (InfluxQL).
/// One attempt per call; retries are the caller's (<see cref="InfluxWriter"/>).
/// </summary>
public sealed class InfluxClient
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly Uri _baseUri;
    private readonly Uri _writeUri;
    private readonly AuthenticationHeaderValue? _auth;

    public InfluxClient(HttpClient http, InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _baseUri = new Uri(options.Url.EndsWith('/') ? options.Url : options.Url + "/", UriKind.Absolute);
        _writeUri = new Uri(_baseUri, $"write?db={Uri.EscapeDataString(options.Database)}&rp={Uri.EscapeDataString(options.RetentionPolicy)}&precision=ns");
        if (!string.IsNullOrEmpty(options.Username))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            _auth = new AuthenticationHeaderValue("Basic", token);
        }
    }

    /// <summary>The server's base URL (for messages).</summary>
    public Uri BaseUri => _baseUri;

    /// <summary>Writes line-protocol text once. Connection errors and timeouts throw (<see cref="HttpRequestException"/>, <see cref="OperationCanceledException"/>).</summary>
    public async Task<InfluxWriteResult> WriteAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri) { Content = new ReadOnlyMemoryContent(lines) };
        request.Headers.Authorization = _auth;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK)
        {
            return InfluxWriteResult.Written;
        }

        var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode switch
        {
            HttpStatusCode.BadRequest => InfluxWriteStatus.Rejected,
            HttpStatusCode.RequestEntityTooLarge => InfluxWriteStatus.TooLarge,
            _ => InfluxWriteStatus.Transient,
        };
        return new InfluxWriteResult(status, response.StatusCode, error);
    }

    /// <summary>Runs an InfluxQL statement (POST /query) and returns the JSON body; throws <see cref="InfluxException"/> on an error.</summary>
    public async Task<string> QueryAsync(string statement, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, $"query?db={Uri.EscapeDataString(_options.Database)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", statement)]),
        };
        request.Headers.Authorization = _auth;
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = response.IsSuccessStatusCode ? StatementError(body) : ExtractError(body) ?? body;
        if (error is not null)
        {
            throw new InfluxException(string.Create(CultureInfo.InvariantCulture, $"InfluxDB at {_baseUri} refused '{statement}' ({(int)response.StatusCode}): {error}"));
        }

        return body;
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ExtractError(body)
            ?? (response.Headers.TryGetValues("X-Influxdb-Error", out var values) ? string.Join(" ", values) : null)
            ?? (body.Length > 0 ? body : response.ReasonPhrase ?? "no error text");
    }

    /// <summary>The <c>error</c> member of InfluxDB's JSON error body, or null.</summary>
    internal static string? ExtractError(string body)
    {
        if (body.Length == 0 || body[0] != '{')
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A 200 answer to /query can still carry a per-statement error.</summary>
    private static string? StatementError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("results", out var results))
            {
                foreach (var result in results.EnumerateArray())
                {
                    if (result.TryGetProperty("error", out var error))
                    {
                        return error.GetString();
                    }
                }
            }

            return json.RootElement.TryGetProperty("error", out var top) ? top.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
