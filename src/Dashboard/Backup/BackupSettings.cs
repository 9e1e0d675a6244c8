using LiveRoom.Dashboard.Evidence;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Store;
using LiveRoom.Backup;
using LiveRoom.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// What <c>backup</c> and <c>restore</c> work on, read from the service's configuration sources (appsettings.json,
/// environment, then <c>--Key=value</c> arguments) so the commands find the same files as the running dashboard.
/// Only the keys they use are read: a bad unrelated setting does not stop a backup.
/// </summary>
internal sealed record BackupSettings(string StorePath, string EvidenceDirectory, string Database, BackupOptions Options)
{
    private const string DatabaseKey = DashboardDefaults.Section + ":Influx:Database";

    /// <summary>The configuration store as backup and restore name it in their messages.</summary>
    public StoreFile Store => new(StorePath, "the configuration store", "Dashboard:Store:Path; default dashboard.db in $STATE_DIRECTORY or the working directory");

    /// <summary>The settings, or null with every problem (each naming its key) in <paramref name="errors"/>.</summary>
    public static BackupSettings? Load(IEnumerable<string> configurationArguments, out IReadOnlyList<string> errors)
    {
        var configuration = CommandConfiguration.Build(configurationArguments);
        var store = new StoreOptions();
        var evidence = new EvidenceOptions();
        var backup = new BackupOptions();
        try
        {
            configuration.GetSection(DashboardDefaults.Section + ":Store").Bind(store);
            evidence.Directory = configuration[EvidenceOptions.Section + ":Directory"];
            configuration.GetSection(BackupDefaults.Section).Bind(backup);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the value it could not convert.
            errors = [ex.Message];
            return null;
        }

        var database = configuration[DatabaseKey] is { Length: > 0 } configured ? configured : DashboardDefaults.Database;
        var problems = new List<string>();
        if (new BackupOptionsValidator().Validate(null, backup) is { Failed: true } failed)
        {
            problems.AddRange(failed.Failures);
        }

        if (BackupOptionsValidator.CheckDatabase(DatabaseKey, database) is { } bad)
        {
            problems.Add(bad);
        }

        errors = problems;
        return problems.Count > 0 ? null : new BackupSettings(store.ResolvedPath, ThumbnailStore.RootOf(evidence, store), database, backup);
    }
}
