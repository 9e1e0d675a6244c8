using System.Globalization;
using System.Text;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Store;
using LiveRoom.Dashboard.Users;
using LiveRoom.Runtime.Processes;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.EndToEnd;

/// <summary>
/// Seed clause 4.3: <c>liveroom-dashboard backup</c> of a real influxd and store, restored with
/// <c>liveroom-dashboard restore</c> into a fresh influxd (the first one stopped) and a fresh store path, gives back every
/// point with its value, the retention policy, the user, the audit log and the thumbnails. Both commands run as the
/// real executable, as an operator runs them.
/// </summary>
public sealed class BackupRestoreTests
{
    private const int Points = 120;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task BackupThenRestoreIntoFreshServerAndStore_EveryPointUserAuditAndThumbnailBack()
    {
        using var dir = new TempDirectory("backup-e2e");
        var (source, sourceDir) = await Services.StartInfluxAsync();
        using var _ = sourceDir;
        await using var __ = source;
        var first = DateTimeOffset.UtcNow.AddHours(-2);
        await SeedAsync(source, first);
        var live = dir.Combine("live", "dashboard.db");
        var admin = await DashboardAsync("users", "create-admin", "--name", "chief", Store(live));
        Assert.True(admin.ExitCode == 0, admin.Stderr);
        var thumbnail = dir.Combine("live", "thumbnails", "de", "room-1", "2026-11-22", "1795327200000-periodic.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(thumbnail)!);
        await File.WriteAllBytesAsync(thumbnail, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);

        var backup = await DashboardAsync("backup", "--to", dir.Combine("backup"), Store(live), Rpc(source));

        Assert.True(backup.ExitCode == 0, backup.Stderr);
        Assert.StartsWith($"backed up to {dir.Combine("backup")}: store 1 file(s) ", backup.Stdout, StringComparison.Ordinal);
        Assert.Contains("evidence 1 file(s) 7 bytes; InfluxDB database 'liveroom'", backup.Stdout, StringComparison.Ordinal);
        await source.StopAsync(CancellationToken.None);

        var (fresh, freshDir) = await Services.StartInfluxAsync();
        using var ___ = freshDir;
        await using var ____ = fresh;
        var restoredStore = dir.Combine("restored", "dashboard.db");
        var restore = await DashboardAsync("restore", "--from", dir.Combine("backup"), Store(restoredStore), Rpc(fresh));

        Assert.True(restore.ExitCode == 0, restore.Stderr + restore.Stdout);
        Assert.Contains("restored InfluxDB database 'liveroom'", restore.Stdout, StringComparison.Ordinal);
        using var query = new InfluxQuery(fresh.BaseUri, "liveroom");
        var rows = await query.RowsAsync("SELECT fps, seq FROM \"liveroom\".\"liveroom\".stream WHERE room = 'room-1'");
        Assert.Equal(Points, rows.Count);
        Assert.Equal(Expected(first), rows.Select(r => ((long)r.Number("time"), r.Number("fps"), (long)r.Number("seq"))));
        var events = await query.RowsAsync("SELECT message FROM \"liveroom\".\"liveroom\".event");
        Assert.Equal(["black picture"], events.Select(r => r.Text("message")));
        using (var http = new HttpClient { BaseAddress = fresh.BaseUri })
        {
            // name, duration, shard group duration, replicas, default: the collector's 90-day policy came back as the default.
            var policies = await http.GetStringAsync(new Uri("query?q=SHOW+RETENTION+POLICIES+ON+liveroom", UriKind.Relative));
            Assert.Contains("[\"liveroom\",\"2160h0m0s\",\"24h0m0s\",1,true]", policies, StringComparison.Ordinal);
        }

        var store = new SqliteStore(restoredStore);
        Assert.Equal(["admin"], new UserStore(store).Find("chief")!.Roles);
        var audit = new AuditLog(store, TimeProvider.System, NullLogger<AuditLog>.Instance).Read(10, AuditActions.UserCreate);
        Assert.Equal(("(command line)", "chief", "ok"), (audit.Single().Actor, audit.Single().Target, audit.Single().Outcome));
        Assert.Equal(
            await File.ReadAllBytesAsync(thumbnail),
            await File.ReadAllBytesAsync(dir.Combine("restored", "thumbnails", "de", "room-1", "2026-11-22", "1795327200000-periodic.jpg")));

        // influxd never restores into an existing database: the refusal explains it, and --newdb restores beside it.
        // This test opened the restored store to read it; like a stopped dashboard, it lets go of it first.
        SqliteConnection.ClearAllPools();
        var again = await DashboardAsync("restore", "--from", dir.Combine("backup"), "--force", Store(restoredStore), Rpc(fresh));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("database may already exist. InfluxDB already has a database 'liveroom'", again.Stderr, StringComparison.Ordinal);
        Assert.Single(again.Stderr.Trim().Split('\n'));
        var beside = await DashboardAsync("restore", "--from", dir.Combine("backup"), "--force", "--newdb", "liveroom_restored", Store(restoredStore), Rpc(fresh));
        Assert.True(beside.ExitCode == 0, beside.Stderr);
        using var besideQuery = new InfluxQuery(fresh.BaseUri, "liveroom_restored");
        Assert.Equal(Points, await besideQuery.SumAsync("SELECT count(seq) FROM \"liveroom_restored\".\"liveroom\".stream", "count"));
    }

    [Fact]
    public async Task Backup_DatabaseMissing_Exit1NamingItAndNoDirectoryLeft()
    {
        using var dir = new TempDirectory("backup-e2e");
        var (influx, influxDir) = await Services.StartInfluxAsync();
        using var _ = influxDir;
        await using var __ = influx;
        var live = dir.Combine("live", "dashboard.db");
        Assert.Equal(0, (await DashboardAsync("users", "create-admin", "--name", "chief", Store(live))).ExitCode);

        var backup = await DashboardAsync("backup", "--to", dir.Combine("backup"), Store(live), Rpc(influx), "--Dashboard:Influx:Database=nosuch");

        Assert.Equal(1, backup.ExitCode);
        Assert.StartsWith("liveroom-dashboard: backup failed: influxd exited with code 1: ", backup.Stderr, StringComparison.Ordinal);
        Assert.Contains("no database 'nosuch'", backup.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("backup")));
    }

    private static IEnumerable<(long Time, double Fps, long Seq)> Expected(DateTimeOffset first) =>
        Enumerable.Range(0, Points).Select(i => (first.ToUnixTimeMilliseconds() + (i * 1000L), 24.5 + (i * 0.125), (long)i));

    /// <summary>The collector's layout: database and 90-day default retention policy, a stream series and an event.</summary>
    private static async Task SeedAsync(InfluxServer influx, DateTimeOffset first)
    {
        using var http = new HttpClient { BaseAddress = influx.BaseUri };
        using (var create = new FormUrlEncodedContent([new("q", "CREATE DATABASE liveroom; CREATE RETENTION POLICY liveroom ON liveroom DURATION 90d REPLICATION 1 DEFAULT")]))
        using (var created = await http.PostAsync(new Uri("query", UriKind.Relative), create))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var lines = new StringBuilder();
        foreach (var (time, fps, seq) in Expected(first))
        {
            lines.Append(CultureInfo.InvariantCulture, $"stream,site=de,room=room-1 fps={fps},seq={seq}i {time}\n");
        }

        lines.Append(CultureInfo.InvariantCulture, $"event,site=de,room=room-1 active=true,message=\"black picture\" {first.ToUnixTimeMilliseconds()}\n");
        using var body = new StringContent(lines.ToString());
        using var written = await http.PostAsync(new Uri("write?db=liveroom&rp=liveroom&precision=ms", UriKind.Relative), body);
        Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());
    }

    private static string Store(string path) => $"--Dashboard:Store:Path={path}";

    private static string Rpc(InfluxServer influx) => $"--Dashboard:Backup:InfluxRpc={influx.RpcAddress}";

    private static Task<ProcessResult> DashboardAsync(params string[] args) =>
        ProcessRunner.RunAsync("dotnet", [RepositoryPaths.ProjectDll("Dashboard", "liveroom-dashboard"), .. args], CommandTimeout, CancellationToken.None);
}
