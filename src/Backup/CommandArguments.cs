namespace LiveRoom.Backup;

/// <summary>The commands' own flags apart from the configuration arguments (<c>--Section:Key=value</c>) that follow them.</summary>
public static class CommandArguments
{
    /// <summary>Splits <c>args[1..]</c> into flags (with a value, or present-only) and the rest.</summary>
    public static (Dictionary<string, string> Flags, List<string> Others) Split(string[] args, string[] valued, string[] switches)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (valued.Contains(args[i]) && i + 1 < args.Length)
            {
                flags[args[i]] = args[++i];
            }
            else if (switches.Contains(args[i]))
            {
                flags[args[i]] = string.Empty;
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (flags, rest);
    }

    /// <summary>The first argument that is not configuration (<c>--Key=value</c> or <c>--Key value</c>), if any.</summary>
    public static string? Unknown(List<string> rest)
    {
        for (var i = 0; i < rest.Count; i++)
        {
            if (!rest[i].StartsWith("--", StringComparison.Ordinal) || !rest[i].Contains(':', StringComparison.Ordinal))
            {
                return rest[i];
            }

            if (!rest[i].Contains('=', StringComparison.Ordinal))
            {
                i++;
            }
        }

        return null;
    }
}
