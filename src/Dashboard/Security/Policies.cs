namespace LiveRoom.Dashboard.Security;

/// <summary>Authorization policies: which roles may do what (the role matrix, issue 8 item 5).</summary>
public static class Policies
{
    /// <summary>Room wall, room pages and their data: every role, and a kiosk screen when enabled.</summary>
    public const string View = "view";

    /// <summary>Room changes a technician makes (reference frame, regions, checklist sign-off): technician, admin.</summary>
    public const string Operate = "operate";

    /// <summary>Acknowledging alerts: on-call, technician, admin.</summary>
    public const string Acknowledge = "acknowledge";

    /// <summary>Reports and exports: manager, admin.</summary>
    public const string Reports = "reports";

    /// <summary>Users and the audit log: admin.</summary>
    public const string Admin = "admin";

    /// <summary>Sites, rooms and a site's manual checklist items (issue 6): manager, admin.</summary>
    public const string ManageSites = "manage-sites";

    /// <summary>Creating, changing, deleting and importing shows (issue 6): technician, manager, admin.</summary>
    public const string Schedule = "schedule";

    /// <summary>Reading alert rules, the on-call rota and silences: technician, on-call, manager, admin (not a kiosk).</summary>
    public const string AlertSettings = "alert-settings";

    /// <summary>Adding a silence (maintenance window): on-call, admin.</summary>
    public const string Silence = "silence";

    /// <summary>Signed in, even with a password still to change (only for sign-out and password change).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>The roles each role-based policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [View] = [Roles.Technician, Roles.OnCall, Roles.Manager, Roles.Admin, Roles.Kiosk],
        [Operate] = [Roles.Technician, Roles.Admin],
        [Acknowledge] = [Roles.Technician, Roles.OnCall, Roles.Admin],
        [Reports] = [Roles.Manager, Roles.Admin],
        [Admin] = [Roles.Admin],
        [ManageSites] = [Roles.Manager, Roles.Admin],
        [Schedule] = [Roles.Technician, Roles.Manager, Roles.Admin],
        [AlertSettings] = [Roles.Technician, Roles.OnCall, Roles.Manager, Roles.Admin],
        [Silence] = [Roles.OnCall, Roles.Admin],
    };
}
