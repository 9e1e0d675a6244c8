using System.Globalization;

namespace LiveRoom.Backup;

/// <summary>
/// The arguments both <c>backup</c> commands take: <c>--to DIR</c>, or <c>--under DIR [--keep N]</c> for a dated directory
/// per run, and configuration arguments (<c>--Section:Key=value</c>) after them.
/// </summary>
public sealed record BackupArguments(string? To, string? Under, int Keep, List<string> Configuration)
{
    /// <summary>The arguments of <c>args[1..]</c>, or null with the problem (for the usage line).</summary>
    public static BackupArguments? Parse(string[] args, out string? problem)
    {
        var (flags, rest) = CommandArguments.Split(args, ["--to", "--under", "--keep"], []);
        var keep = 0;
        problem = (flags.GetValueOrDefault("--to"), flags.GetValueOrDefault("--under")) switch
        {
            (null, null) => "give --to DIR or --under DIR",
            (not null, not null) => "give --to or --under, not both",
            (not null, _) when flags.ContainsKey("--keep") => "--keep goes with --under",
            (_, not null) when flags.TryGetValue("--keep", out var k)
                && !(int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out keep) && keep is >= 1 and <= BackupLayout.MaxKeep)
                => $"--keep '{k}' must be a whole number 1 to {BackupLayout.MaxKeep}",
            _ => null,
        };
        problem ??= CommandArguments.Unknown(rest) is { } unknown ? $"unknown argument '{unknown}'" : null;
        return problem is null ? new BackupArguments(flags.GetValueOrDefault("--to"), flags.GetValueOrDefault("--under"), keep, rest) : null;
    }
}
