using System.Globalization;
using LiveRoom.Backup;

namespace LiveRoom.Ingest.Backup;

/// <summary>
/// <c>liveroom-ingest backup --to DIR</c>, or <c>--under DIR [--keep N]</c> for a dated directory per run (the daily
/// timer): the collector's alert store (online, while the collector runs) with a checksummed manifest. Other arguments
/// are configuration, e.g. <c>--Ingest:StateDirectory=DIR</c> or <c>--Ingest:Alerts:StorePath=FILE</c>.
/// Exit codes: 0 done, 1 refused or failed (one line naming the problem), 2 bad arguments or settings.
/// </summary>
internal static class BackupCommand
{
    public const string Usage =
        "usage: liveroom-ingest backup (--to DIR | --under DIR [--keep N]) [--Ingest:StateDirectory=DIR | --Ingest:Alerts:StorePath=FILE]";

    private const string Name = "liveroom-ingest";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "backup";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        if (BackupArguments.Parse(args, out var problem) is not { } arguments)
        {
            await stderr.WriteLineAsync($"{Name}: {problem}. {Usage}").ConfigureAwait(false);
            return 2;
        }

        if (IngestBackupSettings.Load(arguments.Configuration, out var error) is not { } store)
        {
            await stderr.WriteLineAsync($"{Name}: configuration error: {error}").ConfigureAwait(false);
            return 2;
        }

        try
        {
            async Task IntoAsync(string target) =>
                await Report(stdout, store, target, await AlertStoreBackup.RunAsync(store, target, time, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            await (arguments.To is { } to
                ? IntoAsync(to)
                : BackupRotation.RunDatedAsync(arguments.Under!, IngestBackupDefaults.DatedPrefix, arguments.Keep, time, stdout, IntoAsync)).ConfigureAwait(false);
            return 0;
        }
        catch (BackupException ex)
        {
            await stderr.WriteLineAsync($"{Name}: backup failed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync($"{Name}: backup interrupted; the incomplete backup was removed").ConfigureAwait(false);
            return 1;
        }
    }

    private static Task Report(TextWriter stdout, StoreFile store, string directory, BackupManifest manifest) =>
        stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"backed up {store.Name} {store.Path} to {Path.GetFullPath(directory)}: {string.Join(", ", manifest.Parts.Select(p => $"{p.Name} {p.Files} file(s) {p.Bytes} bytes"))}; manifest {BackupLayout.ManifestFile}"));
}
