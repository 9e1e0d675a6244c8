using LiveRoom.Runtime.Processes;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// influxd's failures as the operator should read them: influxd's own message (exit code and stderr tail), and what it
/// means where influxd 1.6 is terse. The texts matched are influxd 1.6's (recorded in the tests' TestData/Backup).
/// </summary>
internal static class InfluxdMessages
{
    /// <summary>null when the backup succeeded, else the message.</summary>
    public static string? BackupFailure(ProcessResult result, string database)
    {
        if (Failure(result) is not { } message)
        {
            return null;
        }

        // influxd 1.6 answers a backup of a database it does not have with a bare "backup: EOF".
        if (result.Stderr.Contains("backup: EOF", StringComparison.Ordinal))
        {
            return $"{message} (influxd ends with EOF when the server has no database '{database}': check Dashboard:Influx:Database, and Dashboard:Backup:InfluxRpc names the right server)";
        }

        return message;
    }

    /// <summary>null when the restore succeeded, else the message.</summary>
    public static string? RestoreFailure(ProcessResult result, string database)
    {
        if (Failure(result) is not { } message)
        {
            return null;
        }

        if (result.Stderr.Contains("database may already exist", StringComparison.Ordinal))
        {
            return $"{message}. InfluxDB already has a database '{database}' and influxd restore never writes into an existing one. "
                + $"If it holds nothing to keep (e.g. the collector created it empty on a new server), drop it first: influx -execute 'DROP DATABASE \"{database}\"'; "
                + "or restore beside it with --newdb NAME and copy the points over with SELECT * INTO (docs/operations/backup.md)";
        }

        return message;
    }

    private static string? Failure(ProcessResult result)
    {
        try
        {
            result.EnsureSuccess();
            return null;
        }
        catch (ProcessFailedException ex)
        {
            return ex.Message;
        }
    }
}
