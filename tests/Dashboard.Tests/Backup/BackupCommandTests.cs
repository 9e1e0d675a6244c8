using LiveRoom.Dashboard.Backup;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Backup;

/// <summary>
/// <c>liveroom-dashboard backup</c>'s refusals, in process: one line naming the problem, exit 2 for bad arguments or
/// settings and 1 for a refusal, and nothing created on disk. (The backup itself runs against influxd in
/// tests/EndToEnd/BackupRestoreTests.)
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("backup-command");

    // The cases of the shared parser are in tests/Backup.Tests/BackupArgumentsTests; two reach this command's usage line.
    [Theory]
    [InlineData("backup", "give --to DIR or --under DIR")]
    [InlineData("backup --to a --froce", "unknown argument '--froce'")]
    public async Task Run_BadArguments_Exit2WithTheProblemAndUsage(string arguments, string problem)
    {
        var (exit, stdout, stderr) = await RunAsync(arguments.Split(' '));

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"liveroom-dashboard: {problem}. {BackupCommand.Usage}\n", stderr);
    }

    [Fact]
    public async Task Run_BadSettings_Exit2NamingEveryKey()
    {
        var (exit, _, stderr) = await RunAsync("backup", "--to", _dir.Combine("b"), "--Dashboard:Backup:InfluxRpc=influx.local", "--Dashboard:Influx:Database=live room");

        Assert.Equal(2, exit);
        Assert.StartsWith("liveroom-dashboard: configuration error: Dashboard:Backup:InfluxRpc 'influx.local' must be HOST:PORT", stderr, StringComparison.Ordinal);
        Assert.Contains("Dashboard:Influx:Database 'live room' must be 1-64 letters", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("b")));
    }

    [Fact]
    public async Task Run_StoreMissing_Exit1NamingTheStoreAndNothingCreated()
    {
        var (exit, _, stderr) = await RunAsync("backup", "--to", _dir.Combine("b"), $"--Dashboard:Store:Path={_dir.Combine("none.db")}", Rpc(FreePortHelper.Closed()));

        Assert.Equal(1, exit);
        Assert.StartsWith($"liveroom-dashboard: backup failed: the configuration store {_dir.Combine("none.db")} does not exist", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("b")));
    }

    [Fact]
    public async Task Run_InfluxRpcUnreachable_Exit1NamingTheAddressAndNothingCreated()
    {
        var store = BackupFiles.Store(_dir.Combine("dashboard.db"));
        var port = FreePortHelper.Closed();

        var (exit, _, stderr) = await RunAsync("backup", "--to", _dir.Combine("b"), $"--Dashboard:Store:Path={store.Path}", Rpc(port));

        Assert.Equal(1, exit);
        Assert.StartsWith($"liveroom-dashboard: backup failed: InfluxDB's RPC address 127.0.0.1:{port} (Dashboard:Backup:InfluxRpc) is unreachable: ", stderr, StringComparison.Ordinal);
        Assert.Contains("bind-address", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(Directory.Exists(_dir.Combine("b")));
    }

    [Fact]
    public async Task Run_TargetNotEmpty_Exit1AndTheTargetUntouched()
    {
        var store = BackupFiles.Store(_dir.Combine("dashboard.db"));
        using var influx = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        influx.Start(); // something accepts on the RPC address, so the refusal is the target's
        var port = ((System.Net.IPEndPoint)influx.LocalEndpoint).Port;
        BackupFiles.Write(_dir.Combine("b"), "manifest.json", "an older backup");

        var (exit, _, stderr) = await RunAsync("backup", "--to", _dir.Combine("b"), $"--Dashboard:Store:Path={store.Path}", Rpc(port));

        Assert.Equal(1, exit);
        Assert.Equal($"liveroom-dashboard: backup failed: {_dir.Combine("b")} is not empty (it holds manifest.json, ...): a backup goes into a new or empty directory, so it never mixes with another\n", stderr);
        Assert.Equal(["manifest.json"], Directory.GetFiles(_dir.Combine("b")).Select(Path.GetFileName));
    }

    public void Dispose() => _dir.Dispose();

    private static string Rpc(int port) => FormattableString.Invariant($"--Dashboard:Backup:InfluxRpc=127.0.0.1:{port}");

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BackupCommand.RunAsync(args, stdout, stderr, new FakeTimeProvider(BackupFiles.Now), CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
