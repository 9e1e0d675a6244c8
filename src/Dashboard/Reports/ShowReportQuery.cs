using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Dashboard.Lifecycle;
using LiveRoom.Dashboard.Schedules;

namespace LiveRoom.Dashboard.Reports;

/// <summary>
/// Builds show reports from the schedule (config store), InfluxDB (stream and network figures over the show's window,
/// checklist points) and the collector's incident records.
/// </summary>
internal sealed class ShowReportQuery(ScheduleStore schedules, ComplianceQuery compliance, ChecklistQuery checklists, IncidentsClient incidents)
{
    /// <summary>A run counts as on time when it started at least this many minutes before the show (the edge starts it at T-30; a minute of slack).</summary>
    public const double OnTimeLeadMinutes = 29;

    /// <summary>How far before a show its checklist run is looked for.</summary>
    public static readonly TimeSpan ChecklistLookBack = TimeSpan.FromHours(3);

    /// <summary>Most shows one period report covers (each show is a handful of queries).</summary>
    public const int MaxShows = 500;

    /// <summary>Shows that started in [from, to), optionally of one site, oldest first; null when there are more than <see cref="MaxShows"/>.</summary>
    public IReadOnlyList<ShowRecord>? Shows(IEnumerable<string> sites, DateTimeOffset from, DateTimeOffset to)
    {
        var shows = sites.SelectMany(site => schedules.ListShows(site, null, from, to, MaxShows + 1))
            .Where(s => s.Start >= from && s.Start < to)
            .OrderBy(s => s.Start)
            .ToList();
        return shows.Count > MaxShows ? null : shows;
    }

    public ShowRecord? Find(string site, string id) => schedules.FindShow(site, id);

    /// <exception cref="Influx.InfluxQueryException">InfluxDB is unreachable or refused a query.</exception>
    public async Task<ShowReportDetail> GetAsync(ShowRecord show, CancellationToken cancellationToken)
    {
        var figures = await compliance.GetRoomAsync(show.Site, show.Room, show.Start, show.End, cancellationToken);
        var runs = await checklists.GetAsync(show.Site, show.Room, show.Start - ChecklistLookBack, show.End, cancellationToken);
        var run = runs.Where(r => r.Show == show.Id).OrderBy(r => r.Started).FirstOrDefault();
        var (items, problem) = await incidents.GetAsync(show.Site, show.Room, show.Start, show.End, cancellationToken);
        var report = new ShowReport(
            show.Site,
            show.Room,
            show.Id,
            show.Title,
            show.Host,
            show.Start,
            show.End,
            figures.ReportedMinutes,
            figures.PercentAt1080p30,
            figures.PercentStreamBitrateAtLeast4Mbps,
            figures.PercentUplinkAtLeast4Mbps,
            Checklist(show, run),
            Incidents(items, problem));
        return new ShowReportDetail(report, run?.Items ?? []);
    }

    internal static ShowChecklist Checklist(ShowRecord show, ChecklistRunRecord? run)
    {
        if (run is null)
        {
            return new ShowChecklist(null, null, null, OnTime: false, Passed: false, ReadyAtT10: null, Status: "no checklist run recorded");
        }

        var lead = Math.Round((show.Start - run.Started).TotalMinutes, 1);
        // Ready by the start: the run's last status before the show began was "ready".
        var passed = run.Status == RoomStates.Ready || run.ReadyAtT10 == true;
        return new ShowChecklist(run.Run, run.Started, lead, lead >= OnTimeLeadMinutes, passed, run.ReadyAtT10, run.Status);
    }

    internal static ShowIncidents Incidents(IReadOnlyList<IncidentSummary> items, string? problem)
    {
        if (problem is not null)
        {
            return new ShowIncidents(false, 0, null, null, [], problem);
        }

        static double? Mean(IEnumerable<double> minutes) => minutes.Any() ? Math.Round(minutes.Average(), 1) : null;
        return new ShowIncidents(
            true,
            items.Count,
            Mean(items.Where(i => i.FiredAt is not null && i.AcknowledgedAt is not null).Select(i => (i.AcknowledgedAt!.Value - i.FiredAt!.Value).TotalMinutes)),
            Mean(items.Where(i => i.FiredAt is not null && i.ResolvedAt is not null).Select(i => (i.ResolvedAt!.Value - i.FiredAt!.Value).TotalMinutes)),
            items,
            null);
    }
}
