using LiveRoom.Dashboard.Backup;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Store;
using LiveRoom.Dashboard.Users;
using LiveRoom.Backup;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Dashboard.Tests.Backup;

/// <summary>A configuration store with one user and one audit entry, and backup directories made without influxd (a stand-in influxdb/ part).</summary>
internal static class BackupFiles
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Creates <paramref name="path"/> with the user <paramref name="name"/> and its audit entry.</summary>
    public static SqliteStore Store(string path, string name = "chief")
    {
        var store = new SqliteStore(path);
        Assert.True(new UserStore(store).TryCreate(name, ["admin"], [], Passwords.Hash("a long test password"), mustChangePassword: false, Now));
        new AuditLog(store, new FakeTimeProvider(Now), NullLogger<AuditLog>.Instance).Write("(test)", null, AuditActions.UserCreate, name, "ok");
        return store;
    }

    public static BackupSettings Settings(string storePath, string? evidence = null) =>
        new(storePath, evidence ?? Path.Combine(Path.GetDirectoryName(storePath)!, "thumbnails"), "liveroom", new BackupOptions());

    /// <summary>A complete backup of <paramref name="settings"/>'s store in <paramref name="directory"/>, with fake influxd files and one thumbnail.</summary>
    public static async Task<BackupManifest> BackupAsync(string directory, BackupSettings settings)
    {
        StoreCopy.Backup(settings.Store, Combine(directory, "store/dashboard.db"));
        Write(directory, "influxdb/20261122T060000Z.manifest", "{\"files\":[]}");
        Write(directory, "influxdb/20261122T060000Z.meta", "meta");
        Write(directory, "evidence/de/room-1/2026-11-22/1795327200000-periodic.jpg", "jpeg");
        return await DashboardManifest.WriteAsync(directory, settings, Now, Now.AddSeconds(3), CancellationToken.None);
    }

    public static string Write(string directory, string relative, string text) => TestFiles.Write(directory, relative, text);

    public static string Combine(string directory, string relative) => TestFiles.Combine(directory, relative);
}
