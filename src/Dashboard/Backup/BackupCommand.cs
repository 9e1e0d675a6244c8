using System.Globalization;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// <c>liveroom-dashboard backup --to DIR</c>, or <c>--under DIR [--keep N]</c> for a dated directory per run (the daily
/// timer): the configuration store, the InfluxDB database and the evidence thumbnails with a checksummed manifest
/// (seed clause 4.3), while the dashboard runs. Other arguments are configuration, e.g.
/// <c>--Dashboard:Store:Path=FILE --Dashboard:Backup:InfluxRpc=127.0.0.1:8088</c>.
/// Exit codes: 0 done, 1 refused or failed (one line naming the problem), 2 bad arguments or settings.
/// </summary>
internal static class BackupCommand
{
    public const string Usage =
        "usage: liveroom-dashboard backup (--to DIR | --under DIR [--keep N]) [--Dashboard:Store:Path=FILE --Dashboard:Influx:Database=DB --Dashboard:Backup:InfluxRpc=HOST:PORT]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "backup";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var (flags, rest) = CommandArguments.Split(args, ["--to", "--under", "--keep"], []);
        var keep = 0;
        var problem = (flags.GetValueOrDefault("--to"), flags.GetValueOrDefault("--under")) switch
        {
            (null, null) => "give --to DIR or --under DIR",
            (not null, not null) => "give --to or --under, not both",
            (not null, _) when flags.ContainsKey("--keep") => "--keep goes with --under",
            (_, not null) when flags.TryGetValue("--keep", out var k)
                && !(int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out keep) && keep is >= 1 and <= BackupDefaults.MaxKeep)
                => $"--keep '{k}' must be a whole number 1 to {BackupDefaults.MaxKeep}",
            _ => null,
        };
        problem ??= CommandArguments.Unknown(rest) is { } unknown ? $"unknown argument '{unknown}'" : null;
        if (problem is not null)
        {
            await stderr.WriteLineAsync($"liveroom-dashboard: {problem}. {Usage}").ConfigureAwait(false);
            return 2;
        }

        if (BackupSettings.Load(rest, out var errors) is not { } settings)
        {
            await stderr.WriteLineAsync($"liveroom-dashboard: configuration error: {string.Join("; ", errors)}").ConfigureAwait(false);
            return 2;
        }

        try
        {
            if (flags.TryGetValue("--to", out var to))
            {
                await Report(stdout, to, await new BackupRunner(settings, time).RunAsync(to, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return 0;
            }

            return await UnderAsync(settings, flags["--under"], keep, stdout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (BackupException ex)
        {
            await stderr.WriteLineAsync($"liveroom-dashboard: backup failed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("liveroom-dashboard: backup interrupted; the incomplete backup was removed").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> UnderAsync(BackupSettings settings, string parent, int keep, TextWriter stdout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var gate = BackupLock.Take(parent);
        var target = Path.Combine(Path.GetFullPath(parent), BackupRotation.DatedName(time.GetUtcNow()));
        await Report(stdout, target, await new BackupRunner(settings, time).RunAsync(target, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        if (keep > 0)
        {
            foreach (var removed in BackupRotation.Prune(parent, keep, target))
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"removed {removed} (--keep {keep})")).ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static Task Report(TextWriter stdout, string directory, BackupManifest manifest) =>
        stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"backed up to {Path.GetFullPath(directory)}: {string.Join(", ", manifest.Parts.Select(p => $"{p.Name} {p.Files} file(s) {p.Bytes} bytes"))}; InfluxDB database '{manifest.Database}'; manifest {BackupDefaults.ManifestFile}"));
}
