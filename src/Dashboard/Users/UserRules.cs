using LiveRoom.Contracts.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Security;

namespace LiveRoom.Dashboard.Users;

/// <summary>What a user name, role list and site list must be; each refusal names what is allowed.</summary>
internal static class UserRules
{
    public static LocalText? Check(string? name, IReadOnlyList<string>? roles, IReadOnlyList<string>? sites)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@'))
        {
            return new LocalText("name must be 1-64 letters, digits, '-', '_', '.' or '@'", "用户名必须是 1-64 个字母、数字、“-”、“_”、“.”或“@”");
        }

        if (roles is null || roles.Count == 0 || roles.Any(r => !Roles.IsKnown(r)))
        {
            var known = string.Join(", ", Roles.All);
            return new LocalText($"roles must be one or more of {known}", $"角色必须是以下一个或多个：{known}");
        }

        foreach (var site in sites ?? [])
        {
            if (Identifier.Check(site) is { } reason)
            {
                return new LocalText("site " + reason.English, "站点" + reason.Chinese);
            }
        }

        return null;
    }
}
