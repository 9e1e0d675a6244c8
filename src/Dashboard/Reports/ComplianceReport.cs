namespace LiveRoom.Dashboard.Reports;

/// <summary>One room's compliance over a period (issue 8 item 4).</summary>
/// <remarks>
/// Percentages are of the time the room reported, its stream up or down (a stream that is down counts as below
/// 1080p30 and below 4 Mbit/s): minutes of the 1-minute rollup with the newest 15 minutes and an unaligned first
/// minute from raw points, or seconds of raw points when the rollup has nothing for the period; null when the room
/// reported nothing of that kind. A show's figures are over its scheduled window (<see cref="ShowReport"/>).
/// </remarks>
public sealed record RoomCompliance(
    string Site,
    string Room,
    double ReportedMinutes,
    double? PercentAt1080p30,
    double? PercentUplinkAtLeast4Mbps,
    double? PercentStreamBitrateAtLeast4Mbps,
    long Events);

/// <summary>Body of <c>GET /api/reports/compliance</c>.</summary>
public sealed record ComplianceReport(DateTimeOffset From, DateTimeOffset To, string Source, IReadOnlyList<RoomCompliance> Rooms);
