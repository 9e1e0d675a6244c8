using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Security;

namespace LiveRoom.Dashboard.Users;

/// <summary>What a user name, role list and site list must be; each refusal names what is allowed.</summary>
internal static class UserRules
{
    public static string? Check(string? name, IReadOnlyList<string>? roles, IReadOnlyList<string>? sites)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@'))
        {
            return "name must be 1-64 letters, digits, '-', '_', '.' or '@'";
        }

        if (roles is null || roles.Count == 0 || roles.Any(r => !Roles.IsKnown(r)))
        {
            return $"roles must be one or more of {string.Join(", ", Roles.All)}";
        }

        foreach (var site in sites ?? [])
        {
            if (!Identifier.IsValid(site, out var reason))
            {
                return "site " + reason;
            }
        }

        return null;
    }
}
