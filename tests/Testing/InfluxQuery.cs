using System.Globalization;
using System.Text.Json;

namespace LiveRoom.Testing;

/// <summary>Reads InfluxDB through its v1 <c>/query</c> API, for assertions on what really got stored.</summary>
public sealed class InfluxQuery(Uri baseUri, string database) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Runs a query; returns every row of every series as (series name, tags, column → value).</summary>
    public async Task<IReadOnlyList<Row>> RowsAsync(string influxQl)
    {
        var uri = new Uri($"query?db={Uri.EscapeDataString(database)}&epoch=ms&q={Uri.EscapeDataString(influxQl)}", UriKind.Relative);
        using var response = await _http.GetAsync(uri);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"InfluxDB answered {(int)response.StatusCode} to '{influxQl}': {body}");
        }

        using var doc = JsonDocument.Parse(body);
        var rows = new List<Row>();
        foreach (var result in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"InfluxDB error for '{influxQl}': {error.GetString()}");
            }

            if (!result.TryGetProperty("series", out var series))
            {
                continue;
            }

            foreach (var s in series.EnumerateArray())
            {
                var name = s.GetProperty("name").GetString()!;
                var tags = s.TryGetProperty("tags", out var t)
                    ? t.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal);
                var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
                foreach (var values in s.GetProperty("values").EnumerateArray())
                {
                    var row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    var i = 0;
                    foreach (var v in values.EnumerateArray())
                    {
                        row[columns[i++]] = v.Clone();
                    }

                    rows.Add(new Row(name, tags, row));
                }
            }
        }

        return rows;
    }

    /// <summary>Sum of a numeric column over every returned row (e.g. count(seq) over every measurement).</summary>
    public async Task<long> SumAsync(string influxQl, string column)
    {
        var rows = await RowsAsync(influxQl);
        return rows.Sum(r => r.Values.TryGetValue(column, out var v) && v.ValueKind == JsonValueKind.Number ? (long)v.GetDouble() : 0);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>One row of a series.</summary>
    public sealed record Row(string Measurement, IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, JsonElement> Values)
    {
        public double Number(string column) => Values[column].GetDouble();

        public string Text(string column) => Values[column].ValueKind == JsonValueKind.String
            ? Values[column].GetString()!
            : Values[column].GetRawText();

        public override string ToString() =>
            $"{Measurement} {string.Join(",", Tags.Select(t => $"{t.Key}={t.Value}"))} {string.Join(",", Values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}={v.Value}")))}";
    }
}
