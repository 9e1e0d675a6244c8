using LiveRoom.Dashboard.Lifecycle;

namespace LiveRoom.Dashboard.Reports;

/// <summary>
/// One show's report (issue 8 item 4; seed 7.4.3 pre-show check, 6.2.2.1 1080p30, 6.2.1.1 4 Mbit/s, 8.4 incident
/// records). Percentages are of the show's scheduled time that the room reported; null when it reported nothing.
/// </summary>
public sealed record ShowReport(
    string Site,
    string Room,
    string ShowId,
    string Title,
    string Host,
    DateTimeOffset Start,
    DateTimeOffset End,
    double ReportedMinutes,
    double? PercentAt1080p30,
    double? PercentStreamBitrateAtLeast4Mbps,
    double? PercentUplinkAtLeast4Mbps,
    ShowChecklist Checklist,
    ShowIncidents Incidents);

/// <summary>
/// The show's pre-show checklist: when the run started (null: no run was recorded), minutes before the show,
/// <see cref="OnTime"/> when it started at least <see cref="ShowReportQuery.OnTimeLeadMinutes"/> minutes ahead,
/// <see cref="Passed"/> when it was ready by the show's start, and the T-10 verdict.
/// </summary>
public sealed record ShowChecklist(string? Run, DateTimeOffset? Started, double? LeadMinutes, bool OnTime, bool Passed, bool? ReadyAtT10, string Status);

/// <summary>Incidents in the show's window (from the collector): count, and mean minutes to acknowledge / resolve; <see cref="Available"/> false when the collector could not be asked.</summary>
public sealed record ShowIncidents(bool Available, int Count, double? MeanMinutesToAcknowledge, double? MeanMinutesToResolve, IReadOnlyList<IncidentSummary> Items, string? Problem);

/// <summary>One incident as the report lists it.</summary>
public sealed record IncidentSummary(string AlertId, string Rule, string Title, string Severity, DateTimeOffset? FiredAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? ResolvedAt);

/// <summary>Body of <c>GET /api/reports/shows</c>.</summary>
public sealed record ShowReportsResponse(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ShowReport> Shows);

/// <summary>Body of <c>GET /api/reports/shows/{site}/{id}</c>: the report and the checklist run's items.</summary>
public sealed record ShowReportDetail(ShowReport Report, IReadOnlyList<ChecklistItemRecord> ChecklistItems);
