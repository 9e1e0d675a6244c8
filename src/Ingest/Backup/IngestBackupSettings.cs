using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Options;
using LiveRoom.Backup;
using LiveRoom.Runtime.Hosting;

namespace LiveRoom.Ingest.Backup;

/// <summary>
/// What the collector's <c>backup</c> and <c>restore</c> work on, read from the service's configuration sources
/// (appsettings.json next to the binary, environment, then <c>--Ingest:Key=value</c> arguments) so they find the same
/// alert store as the running collector: <c>Ingest:Alerts:StorePath</c>, else <c>alerts.db</c> in
/// <c>Ingest:StateDirectory</c>. Only those keys are read: a bad unrelated setting does not stop a backup. The spill
/// buffer (<c>spill/</c>) is transient, re-sent by the edges, and never backed up.
/// </summary>
internal static class IngestBackupSettings
{
    private const string StateDirectoryKey = IngestDefaults.Section + ":StateDirectory";
    private const string StorePathKey = IngestDefaults.Section + ":Alerts:StorePath";

    /// <summary>The alert store, or null with the problem (naming its key) in <paramref name="error"/>.</summary>
    public static StoreFile? Load(IEnumerable<string> configurationArguments, out string? error)
    {
        var configuration = CommandConfiguration.Build(configurationArguments);
        var stateDirectory = configuration[StateDirectoryKey] ?? IngestDefaults.StateDirectory;
        var storePath = configuration[StorePathKey];
        error = (stateDirectory, storePath) switch
        {
            (_, { } path) when string.IsNullOrWhiteSpace(path) => $"{StorePathKey} is empty; give the alert store's file or leave it unset for {AlertDefaults.StoreFile} in {StateDirectoryKey}",
            (var dir, null) when string.IsNullOrWhiteSpace(dir) => $"{StateDirectoryKey} must not be empty",
            _ => null,
        };
        if (error is not null)
        {
            return null;
        }

        var options = new AlertOptions { StorePath = storePath };
        return new StoreFile(
            Path.GetFullPath(options.ResolveStorePath(stateDirectory)),
            "the alert store",
            $"{StorePathKey}; default {AlertDefaults.StoreFile} in {StateDirectoryKey}, '{stateDirectory}'");
    }
}
