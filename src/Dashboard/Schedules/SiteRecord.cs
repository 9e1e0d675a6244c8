using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>A site as stored: its IANA time zone (shows are shown in it) and its manual checklist items, in order.</summary>
internal sealed record SiteRecord(string Id, string Name, string TimeZone, IReadOnlyList<ManualItem> Manual);
