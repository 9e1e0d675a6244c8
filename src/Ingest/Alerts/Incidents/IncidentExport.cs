using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace LiveRoom.Ingest.Alerts.Incidents;

/// <summary>Incident records as CSV (one line per timeline event) or JSON (issue 7 item 6, seed clause 8.4).</summary>
public static class IncidentExport
{
    public const string CsvHeader = "alert_id,site,room,show,rule,title,severity,fired_at,resolved_at,event_at,event,who,detail";

    public static string Csv(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var sb = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var i in incidents)
        {
            var a = i.Alert;
            foreach (var e in i.Timeline)
            {
                sb.AppendJoin(',', new[]
                {
                    a.Id, a.Site, a.Room, a.Show ?? "", a.RuleId, a.Title, a.Severity.ToString().ToLowerInvariant(), Time(a.FiredAt), Time(a.ResolvedAt),
                    Time(e.At), e.Kind.ToString().ToLowerInvariant(), e.Who ?? "", e.Detail ?? "",
                }.Select(Field)).Append("\r\n");
            }
        }

        return sb.ToString();
    }

    public static string Json(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var array = new JsonArray();
        foreach (var i in incidents)
        {
            var a = i.Alert;
            array.Add(new JsonObject
            {
                ["alertId"] = a.Id, ["site"] = a.Site, ["room"] = a.Room, ["show"] = a.Show, ["rule"] = a.RuleId, ["title"] = a.Title,
                ["severity"] = a.Severity.ToString().ToLowerInvariant(), ["since"] = Time(a.Since), ["firedAt"] = Time(a.FiredAt),
                ["acknowledgedAt"] = Time(a.AcknowledgedAt), ["acknowledgedBy"] = a.AcknowledgedBy, ["resolvedAt"] = Time(a.ResolvedAt), ["note"] = a.Note,
                ["timeline"] = new JsonArray(i.Timeline.Select(e => (JsonNode?)new JsonObject
                {
                    ["at"] = Time(e.At), ["event"] = e.Kind.ToString().ToLowerInvariant(), ["who"] = e.Who, ["detail"] = e.Detail,
                }).ToArray()),
            });
        }

        return array.ToJsonString();
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) ?? "";
}
