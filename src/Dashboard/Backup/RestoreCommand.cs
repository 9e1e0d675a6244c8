using LiveRoom.Backup;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// <c>liveroom-dashboard restore --from DIR [--force] [--newdb NAME]</c>, with the dashboard stopped: verifies the
/// manifest's checksums, then restores InfluxDB (<c>influxd restore -portable</c>), the configuration store and the
/// evidence thumbnails. <c>--check</c> only verifies (for a copy fetched from off-site). Other arguments are configuration.
/// Exit codes: 0 done, 1 refused or failed, 2 bad arguments or settings.
/// </summary>
internal static class RestoreCommand
{
    public const string Usage =
        "usage: liveroom-dashboard restore --from DIR [--check] [--force] [--newdb NAME] [--Dashboard:Store:Path=FILE --Dashboard:Backup:InfluxRpc=HOST:PORT]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "restore";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (flags, rest) = CommandArguments.Split(args, ["--from", "--newdb"], ["--check", "--force"]);
        var newDb = flags.GetValueOrDefault("--newdb");
        var problem = newDb is not null && BackupOptionsValidator.CheckDatabase("--newdb", newDb) is { } bad ? bad
            : CommandArguments.Unknown(rest) is { } unknown ? $"unknown argument '{unknown}'"
            : null;
        if (!flags.TryGetValue("--from", out var from) || problem is not null)
        {
            problem ??= "give --from DIR";
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
            var manifest = ManifestVerifier.Require(from, BackupProduct.Dashboard);
            await stdout.WriteLineAsync(manifest.Describe(from)).ConfigureAwait(false);
            if (!flags.ContainsKey("--check"))
            {
                await new RestoreRunner(settings, stdout).RunAsync(from, flags.ContainsKey("--force"), newDb, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }
        catch (BackupException ex)
        {
            await stderr.WriteLineAsync($"liveroom-dashboard: restore failed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("liveroom-dashboard: restore interrupted; what was restored so far is listed above").ConfigureAwait(false);
            return 1;
        }
    }
}
