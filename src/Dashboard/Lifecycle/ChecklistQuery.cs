using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Lifecycle;

/// <summary>Checklist runs of a room from measurement <c>checklist</c> (tags site, room, item; fields per <see cref="ChecklistFields"/>).</summary>
internal sealed class ChecklistQuery(InfluxQueryClient influx, IOptions<DashboardOptions> options)
{
    private static readonly string[] Fields =
    [
        ChecklistFields.Run, ChecklistFields.Show, ChecklistFields.Status, ChecklistFields.Value, ChecklistFields.Number,
        ChecklistFields.Threshold, ChecklistFields.Clause, ChecklistFields.By, ChecklistFields.ReadyAtT10,
    ];

    /// <summary>The InfluxQL; site and room are checked identifiers (no quote can occur in them).</summary>
    public string BuildQuery(string site, string room, DateTimeOffset from, DateTimeOffset to) => string.Create(
        CultureInfo.InvariantCulture,
        $"SELECT {string.Join(", ", Fields.Select(f => $"\"{f}\""))} FROM \"{options.Value.Influx.RetentionPolicy}\".\"{MetricKind.Checklist}\" "
        + $"WHERE \"site\" = '{site}' AND \"room\" = '{room}' AND {InfluxQl.TimeRange(from, to)} "
        + $"GROUP BY \"{ChecklistFields.ItemTag}\"");

    /// <exception cref="InfluxQueryException">InfluxDB is unreachable or refused the query.</exception>
    public async Task<IReadOnlyList<ChecklistRunRecord>> GetAsync(string site, string room, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var results = await influx.QueryAsync(BuildQuery(site, room, from, to), cancellationToken);
        var statement = results.Count > 0 ? results[0] : null;
        if (statement is { Error: not null, IsNotCreatedYet: false })
        {
            throw new InfluxQueryException($"InfluxDB refused the checklist query: {statement.Error}");
        }

        var points = new List<(string Run, string Show, ChecklistItemRecord Item, bool? Ready)>();
        foreach (var series in statement?.Series ?? [])
        {
            var item = series.Tags.TryGetValue(ChecklistFields.ItemTag, out var tag) ? tag : string.Empty;
            var col = Fields.ToDictionary(f => f, series.ColumnIndex, StringComparer.Ordinal);
            var timeCol = series.ColumnIndex("time");
            foreach (var row in series.Values)
            {
                if (InfluxValue.AsEpochMilliseconds(row[timeCol]) is not { } at)
                {
                    continue;
                }

                string Text(string f) => col[f] >= 0 && row[col[f]].ValueKind == JsonValueKind.String ? row[col[f]].GetString()! : string.Empty;
                double? Num(string f) => col[f] >= 0 ? InfluxValue.AsDouble(row[col[f]]) : null;
                bool? Flag(string f) => col[f] >= 0 ? InfluxValue.AsBoolean(row[col[f]]) : null;
                points.Add((
                    Text(ChecklistFields.Run),
                    Text(ChecklistFields.Show),
                    new ChecklistItemRecord(at, item, Text(ChecklistFields.Status), Text(ChecklistFields.Value), Num(ChecklistFields.Number), Text(ChecklistFields.Threshold), Text(ChecklistFields.Clause), Text(ChecklistFields.By)),
                    Flag(ChecklistFields.ReadyAtT10)));
            }
        }

        return points
            .GroupBy(p => p.Run, StringComparer.Ordinal)
            .Select(g =>
            {
                var ordered = g.OrderBy(p => p.Item.Time).ToList();
                var runPoints = ordered.Where(p => p.Item.Item == ChecklistFields.RunItem).ToList();
                return new ChecklistRunRecord(
                    g.Key,
                    ordered.Select(p => p.Show).FirstOrDefault(s => s.Length > 0) ?? string.Empty,
                    ordered[0].Item.Time,
                    ordered[^1].Item.Time,
                    runPoints.Count > 0 ? runPoints[^1].Item.Status : string.Empty,
                    runPoints.Select(p => p.Ready).LastOrDefault(r => r is not null),
                    runPoints.Select(p => p.Item.By).FirstOrDefault(b => b.Length > 0) ?? string.Empty,
                    ordered.Where(p => p.Item.Item != ChecklistFields.RunItem).Select(p => p.Item).ToList());
            })
            .OrderByDescending(r => r.Started)
            .ToList();
    }
}
