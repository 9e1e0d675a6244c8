using System.Globalization;
using System.Text;
using LiveRoom.Contracts.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Rooms;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;
using LiveRoom.Dashboard.Series;

namespace LiveRoom.Dashboard.Reports;

/// <summary>
/// <c>GET /api/reports/shows?from=&amp;to=[&amp;site=][&amp;format=csv]</c>: one line per show that started in the period;
/// <c>GET /api/reports/shows/{site}/{id}</c>: one show with its checklist items and incidents (managers, issue 8 item 4).
/// </summary>
internal static class ShowReportsApi
{
    public static readonly string[] CsvHeader =
    [
        "site", "room", "show", "title", "host", "start", "end", "reported_minutes", "percent_1080p30", "percent_stream_bitrate_4mbps",
        "percent_uplink_4mbps", "checklist_started", "checklist_lead_minutes", "checklist_on_time", "checklist_passed", "checklist_ready_at_t10",
        "incidents", "mean_minutes_to_acknowledge", "mean_minutes_to_resolve",
    ];

    public static IEndpointRouteBuilder MapShowReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/shows", ListAsync).RequireAuthorization(Policies.Reports).WithTags("reports")
            .WithSummary("Per-show report lines for a period: compliance over show time, checklist punctuality, incidents");
        app.MapGet("/api/reports/shows/{site}/{id}", GetAsync).RequireAuthorization(Policies.Reports).WithTags("reports")
            .WithSummary("One show's report with its checklist items and incidents");
        return app;
    }

    internal static async Task<IResult> ListAsync(
        string? from, string? to, string? site, string? format, HttpContext http, ShowReportQuery query, ScheduleStore schedules, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var range = SeriesRange.TryCreate(RoomSeriesApi.ParseTime(from), RoomSeriesApi.ParseTime(to), null, time.GetUtcNow(), out var error);
        if (range is null)
        {
            return Problems.BadRequest(ReportsApi.BadPeriod, error!.Value);
        }

        if (site is not null && Identifier.Check(site) is { } siteProblem)
        {
            return Problems.BadRequest(new LocalText("Bad site", "站点无效"), siteProblem);
        }

        var user = http.User;
        var sites = schedules.ListSites().Select(s => s.Id).Where(s => (site is null || s == site) && user.MaySee(s));
        if (query.Shows(sites, range.From, range.To) is not { } shows)
        {
            return Problems.BadRequest(
                new LocalText("Too many shows", "场次过多"),
                new LocalText(
                    string.Create(CultureInfo.InvariantCulture, $"more than {ShowReportQuery.MaxShows} shows in the period; choose a shorter period or one site"),
                    string.Create(CultureInfo.InvariantCulture, $"该时间范围内超过 {ShowReportQuery.MaxShows} 场；请缩短时间范围或只选一个站点")));
        }

        var reports = new List<ShowReport>(shows.Count);
        try
        {
            foreach (var show in shows)
            {
                reports.Add((await query.GetAsync(show, cancellationToken)).Report);
            }
        }
        catch (InfluxQueryException ex)
        {
            return Problems.InfluxUnavailable(ex.Message);
        }

        if (!string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(new ShowReportsResponse(range.From, range.To, reports));
        }

        audit.Write(user.UserName(), SessionAuthenticationHandler.Ip(http), AuditActions.ReportExport, "shows", "ok", $"{range.From:O}..{range.To:O} csv");
        var csv = Csv.Write(CsvHeader, reports.Select(r => (IReadOnlyList<object?>)
        [
            r.Site, r.Room, r.ShowId, r.Title, r.Host, r.Start, r.End, r.ReportedMinutes, r.PercentAt1080p30, r.PercentStreamBitrateAtLeast4Mbps,
            r.PercentUplinkAtLeast4Mbps, r.Checklist.Started, r.Checklist.LeadMinutes, r.Checklist.OnTime, r.Checklist.Passed, r.Checklist.ReadyAtT10,
            r.Incidents.Available ? r.Incidents.Count : null, r.Incidents.MeanMinutesToAcknowledge, r.Incidents.MeanMinutesToResolve,
        ]));
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"liveroom-shows-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv");
    }

    internal static async Task<IResult> GetAsync(string site, string id, HttpContext http, ShowReportQuery query, CancellationToken cancellationToken)
    {
        if (!Identifier.IsValid(site) || !http.User.MaySee(site) || query.Find(site, id) is not { } show)
        {
            return Problems.NotFound(new LocalText("Unknown show", "未知场次"), new LocalText($"no show '{id}' in site '{site}'", $"站点“{site}”没有场次“{id}”"));
        }

        try
        {
            return TypedResults.Ok(await query.GetAsync(show, cancellationToken));
        }
        catch (InfluxQueryException ex)
        {
            return Problems.InfluxUnavailable(ex.Message);
        }
    }
}
