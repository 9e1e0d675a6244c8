using System.Security.Claims;
using System.Text;
using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;
using LiveRoom.Dashboard.Series;

namespace LiveRoom.Dashboard.Reports;

/// <summary><c>GET /api/reports/compliance?from=&amp;to=[&amp;format=csv]</c>: per-room compliance over a period (managers).</summary>
internal static class ReportsApi
{
    public static readonly string[] CsvHeader =
    [
        "site", "room", "from", "to", "reported_minutes", "percent_1080p30", "percent_uplink_4mbps", "percent_stream_bitrate_4mbps", "events",
    ];

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/compliance", GetComplianceAsync).RequireAuthorization(Policies.Reports).WithTags("reports");
        app.MapShowReportsApi();
        return app;
    }

    /// <summary>The title of a refused report period.</summary>
    internal static LocalText BadPeriod => new("Bad report period", "报表时间范围无效");

    internal static async Task<IResult> GetComplianceAsync(
        string? from,
        string? to,
        string? format,
        HttpContext http,
        ComplianceQuery query,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var range = SeriesRange.TryCreate(RoomSeriesApi.ParseTime(from), RoomSeriesApi.ParseTime(to), null, time.GetUtcNow(), out var error);
        if (range is null)
        {
            return Problems.BadRequest(BadPeriod, error!.Value);
        }

        ComplianceReport report;
        try
        {
            report = await query.GetAsync(range.From, range.To, cancellationToken);
        }
        catch (InfluxQueryException ex)
        {
            return Problems.InfluxUnavailable(ex.Message);
        }

        var user = http.User;
        report = report with { Rooms = report.Rooms.Where(r => user.MaySee(r.Site)).ToList() };
        if (!string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(report);
        }

        audit.Write(user.UserName(), SessionAuthenticationHandler.Ip(http), AuditActions.ReportExport, "compliance", "ok", $"{report.From:O}..{report.To:O} csv");
        var csv = Csv.Write(CsvHeader, report.Rooms.Select(r => (IReadOnlyList<object?>)
            [r.Site, r.Room, report.From, report.To, r.ReportedMinutes, r.PercentAt1080p30, r.PercentUplinkAtLeast4Mbps, r.PercentStreamBitrateAtLeast4Mbps, r.Events]));
        var name = $"liveroom-compliance-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name);
    }
}
