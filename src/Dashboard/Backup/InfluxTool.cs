using System.Globalization;
using System.Net.Sockets;
using LiveRoom.Backup;
using LiveRoom.Runtime.Processes;

namespace LiveRoom.Dashboard.Backup;

/// <summary>
/// <c>influxd backup -portable</c> and <c>influxd restore -portable</c> against InfluxDB's RPC address, through the
/// project's process runner (argument list, timeout then kill, exit code and stderr tail in every error).
/// </summary>
internal sealed class InfluxTool(BackupOptions options)
{
    private const string RpcKey = BackupDefaults.Section + ":InfluxRpc";

    /// <summary>
    /// Fails at once, naming the address, when nothing accepts connections there: influxd itself retries a refused
    /// connection for about four minutes before it gives up.
    /// </summary>
    public async Task EnsureReachableAsync(CancellationToken cancellationToken)
    {
        RpcAddress.TryParse(options.InfluxRpc, out var host, out var port);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(BackupDefaults.ConnectTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw new BackupException($"InfluxDB's RPC address {options.InfluxRpc} ({RpcKey}) is unreachable: {ex.Message}. It is influxd's top-level bind-address in influxdb.conf (default 127.0.0.1:8088); is influxd running?", ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BackupException(string.Create(CultureInfo.InvariantCulture, $"InfluxDB's RPC address {options.InfluxRpc} ({RpcKey}) did not accept a connection within {BackupDefaults.ConnectTimeout.TotalSeconds:0} s"));
        }
    }

    /// <summary><c>influxd backup -portable -host RPC -db DATABASE DIRECTORY</c>.</summary>
    public async Task BackupAsync(string database, string directory, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["backup", "-portable", "-host", options.InfluxRpc, "-db", database, directory], cancellationToken).ConfigureAwait(false);
        if (InfluxdMessages.BackupFailure(result, database) is { } problem)
        {
            throw new BackupException(problem);
        }
    }

    /// <summary><c>influxd restore -portable -host RPC -db DATABASE [-newdb NEW] DIRECTORY</c>.</summary>
    public async Task RestoreAsync(string database, string? newDatabase, string directory, CancellationToken cancellationToken)
    {
        List<string> arguments = ["restore", "-portable", "-host", options.InfluxRpc, "-db", database];
        if (newDatabase is not null)
        {
            arguments.AddRange(["-newdb", newDatabase]);
        }

        arguments.Add(directory);
        var result = await RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (InfluxdMessages.RestoreFailure(result, newDatabase ?? database) is { } problem)
        {
            throw new BackupException(problem);
        }
    }

    private async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var program = ProgramLocator.Find(options.Influxd)
            ?? throw new BackupException($"program '{options.Influxd}' ({BackupDefaults.Section}:Influxd) was not found on PATH (Debian package 'influxdb', which also holds the server)");
        try
        {
            return await ProcessRunner.RunAsync(program, arguments, options.InfluxTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessFailedException ex)
        {
            throw new BackupException($"{ex.Message} ({BackupDefaults.Section}:InfluxTimeout)", ex);
        }
    }
}
