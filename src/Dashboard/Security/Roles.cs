namespace LiveRoom.Dashboard.Security;

/// <summary>The four roles of seed clause 4.4 ("management roles with matching workflows and permissions").</summary>
public static class Roles
{
    /// <summary>Studio technician: room wall and pages, references, checklist sign-off.</summary>
    public const string Technician = "technician";

    /// <summary>On-call staff: room wall and pages, acknowledges alerts.</summary>
    public const string OnCall = "on-call";

    /// <summary>Manager: everything to read, reports and exports.</summary>
    public const string Manager = "manager";

    /// <summary>Administrator: everything, including users and the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>
    /// Read-only wall screen without sign-in (<c>Dashboard:Security:Kiosk</c>); never given to a user account.
    /// </summary>
    public const string Kiosk = "kiosk";

    /// <summary>The roles a user account may hold.</summary>
    public static readonly IReadOnlyList<string> All = [Technician, OnCall, Manager, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
