using LiveRoom.Backup;

namespace LiveRoom.Ingest.Backup;

/// <summary>
/// <c>liveroom-ingest restore --from DIR [--check] [--force]</c>, with the collector stopped: verifies the manifest's
/// checksums and that it is a collector backup, then writes the alert store (e.g. the active collector's onto a standby,
/// docs/decisions/0022). <c>--check</c> only verifies. Other arguments are configuration.
/// Exit codes: 0 done, 1 refused or failed, 2 bad arguments or settings.
/// </summary>
internal static class RestoreCommand
{
    public const string Usage =
        "usage: liveroom-ingest restore --from DIR [--check] [--force] [--Ingest:StateDirectory=DIR | --Ingest:Alerts:StorePath=FILE] (stop liveroom-ingest first; --force replaces an existing alert store)";

    private const string Name = "liveroom-ingest";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "restore";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (flags, rest) = CommandArguments.Split(args, ["--from"], ["--check", "--force"]);
        var problem = CommandArguments.Unknown(rest) is { } unknown ? $"unknown argument '{unknown}'" : null;
        if (!flags.TryGetValue("--from", out var from) || problem is not null)
        {
            problem ??= "give --from DIR";
            await stderr.WriteLineAsync($"{Name}: {problem}. {Usage}").ConfigureAwait(false);
            return 2;
        }

        if (IngestBackupSettings.Load(rest, out var error) is not { } store)
        {
            await stderr.WriteLineAsync($"{Name}: configuration error: {error}").ConfigureAwait(false);
            return 2;
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var manifest = ManifestVerifier.Require(from, BackupProduct.Ingest);
            await stdout.WriteLineAsync(manifest.Describe(from)).ConfigureAwait(false);
            if (!flags.ContainsKey("--check"))
            {
                AlertStoreBackup.Restore(from, store, flags.ContainsKey("--force"));
                await stdout.WriteLineAsync($"restored {store.Name} to {store.Path}; start liveroom-ingest").ConfigureAwait(false);
            }

            return 0;
        }
        catch (BackupException ex)
        {
            await stderr.WriteLineAsync($"{Name}: restore failed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync($"{Name}: restore interrupted before the store was written").ConfigureAwait(false);
            return 1;
        }
    }
}
