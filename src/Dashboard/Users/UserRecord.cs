namespace LiveRoom.Dashboard.Users;

/// <summary>A local account of the dashboard.</summary>
/// <remarks>Sites: Sites the user may see; empty means every site.</remarks>
internal sealed record UserRecord(
    long Id,
    string Name,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Sites,
    bool MustChangePassword,
    int FailedCount,
    DateTimeOffset? FirstFailedAt,
    DateTimeOffset? LockedUntil)
{
    public bool MaySee(string site) => Sites.Count == 0 || Sites.Contains(site, StringComparer.Ordinal);
}
