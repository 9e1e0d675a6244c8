using System.Globalization;
using LiveRoom.Backup;

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
        if (BackupArguments.Parse(args, out var problem) is not { } arguments)
        {
            await stderr.WriteLineAsync($"liveroom-dashboard: {problem}. {Usage}").ConfigureAwait(false);
            return 2;
        }

        if (BackupSettings.Load(arguments.Configuration, out var errors) is not { } settings)
        {
            await stderr.WriteLineAsync($"liveroom-dashboard: configuration error: {string.Join("; ", errors)}").ConfigureAwait(false);
            return 2;
        }

        try
        {
            async Task IntoAsync(string target) =>
                await Report(stdout, target, await new BackupRunner(settings, time).RunAsync(target, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            await (arguments.To is { } to
                ? IntoAsync(to)
                : BackupRotation.RunDatedAsync(arguments.Under!, BackupDefaults.DatedPrefix, arguments.Keep, time, stdout, IntoAsync)).ConfigureAwait(false);
            return 0;
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

    private static Task Report(TextWriter stdout, string directory, BackupManifest manifest) =>
        stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"backed up to {Path.GetFullPath(directory)}: {string.Join(", ", manifest.Parts.Select(p => $"{p.Name} {p.Files} file(s) {p.Bytes} bytes"))}; InfluxDB database '{manifest.Database}'; manifest {BackupLayout.ManifestFile}"));
}
