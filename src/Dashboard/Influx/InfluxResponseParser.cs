using System.Text.Json;

namespace LiveRoom.Dashboard.Influx;

/// <summary>
/// Parses the JSON of InfluxDB's v1 <c>/query</c> endpoint:
/// <c>{"results":[{"statement_id":0,"series":[{"name":..,"tags":{..},"columns":[..],"values":[[..]]}]}]}</c>,
/// or <c>{"error":".."}</c>. Values stay raw <see cref="JsonElement"/>s: a column may hold numbers, booleans or strings.
/// </summary>
internal static class InfluxResponseParser
{
    public static IReadOnlyList<InfluxStatementResult> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InfluxQueryException($"InfluxDB answered with a JSON {root.ValueKind}, not an object");
        }

        if (root.TryGetProperty("error", out var topError))
        {
            throw new InfluxQueryException($"InfluxDB refused the query: {topError.GetString()}");
        }

        if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new InfluxQueryException("InfluxDB answered without a \"results\" array");
        }

        var statements = new List<InfluxStatementResult>(results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            var id = result.TryGetProperty("statement_id", out var sid) && sid.ValueKind == JsonValueKind.Number ? sid.GetInt32() : statements.Count;
            var error = result.TryGetProperty("error", out var e) ? e.GetString() : null;
            statements.Add(new InfluxStatementResult(id, error, ParseSeries(result)));
        }

        return statements;
    }

    private static List<InfluxSeries> ParseSeries(JsonElement result)
    {
        var list = new List<InfluxSeries>();
        if (!result.TryGetProperty("series", out var series) || series.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        foreach (var s in series.EnumerateArray())
        {
            var name = s.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (s.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Object)
            {
                foreach (var tag in t.EnumerateObject())
                {
                    tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString() ?? string.Empty : tag.Value.GetRawText();
                }
            }

            var columns = new List<string>();
            if (s.TryGetProperty("columns", out var c) && c.ValueKind == JsonValueKind.Array)
            {
                columns.AddRange(c.EnumerateArray().Select(x => x.GetString() ?? string.Empty));
            }

            var rows = new List<IReadOnlyList<JsonElement>>();
            if (s.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in v.EnumerateArray())
                {
                    rows.Add(row.EnumerateArray().Select(x => x.Clone()).ToList());
                }
            }

            list.Add(new InfluxSeries(name, tags, columns, rows));
        }

        return list;
    }
}
