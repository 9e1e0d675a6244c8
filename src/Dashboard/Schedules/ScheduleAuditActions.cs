namespace LiveRoom.Dashboard.Schedules;

/// <summary>Audit action names of sites, rooms, manual items, shows and checklist commands (issue 8 item 5: "every change").</summary>
internal static class ScheduleAuditActions
{
    public const string SiteCreate = "site.create";
    public const string SiteUpdate = "site.update";
    public const string SiteDelete = "site.delete";
    public const string RoomCreate = "room.create";
    public const string RoomUpdate = "room.update";
    public const string RoomDelete = "room.delete";
    public const string ManualItemCreate = "manual-item.create";
    public const string ManualItemUpdate = "manual-item.update";
    public const string ManualItemDelete = "manual-item.delete";
    public const string ShowCreate = "show.create";
    public const string ShowUpdate = "show.update";
    public const string ShowDelete = "show.delete";
    public const string ShowImport = "show.import";
    public const string ChecklistRun = "checklist.run";
    public const string ChecklistConfirm = "checklist.confirm";
}
