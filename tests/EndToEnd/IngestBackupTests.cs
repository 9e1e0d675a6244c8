using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Alerts.Store;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd;

/// <summary>
/// Seed clauses 4.3, 8.1–8.4 with standby collectors (docs/decisions/0022): the real <c>liveroom-ingest</c> executable
/// backs up the active collector's alert store while it is open, refuses to restore over a store another process holds
/// (the lock seen across processes), and restores it with --force onto the stopped standby, where
/// <see cref="AlertStore"/> reads the rule, the rota and the incident with its timeline back.
/// </summary>
public sealed class IngestBackupTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Fired = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BackupOnActiveThenRestoreOnStandby_RefusedWhileOpenThenEverythingBack()
    {
        using var dir = new TempDirectory("ingest-backup-e2e");
        var active = dir.Combine("active", "alerts.db");
        var standby = dir.Combine("standby", "alerts.db");
        new AlertStore(standby).Dispose();

        using (var running = new AlertStore(active))
        {
            running.LoadRules();
            Assert.Empty(running.SaveRule(DefaultRules.All.Single(r => r.Id == "fps_low") with { Threshold = 25 }));
            running.SaveRota([new RotaEntry { Site = "s1", Level = 0, Name = "tech" }]);
            var alert = new AlertSnapshot("a1", "fps_low", "Frame rate low", AlertSeverity.Warning, "s1", "r1", AlertState.Firing, 15, RuleOperator.Below, 25, Fired, Fired, null, null, null, null, 0, "morning show");
            var log = new IncidentLog(running);
            log.Record(alert, IncidentEventKind.Fired, Fired);
            log.Record(alert with { State = AlertState.Resolved }, IncidentEventKind.Resolved, Fired.AddMinutes(3), "li", "fixed");

            var backup = await IngestAsync("backup", "--to", dir.Combine("b"), $"--Ingest:StateDirectory={dir.Combine("active")}");
            Assert.True(backup.ExitCode == 0, backup.Stderr);
            Assert.StartsWith($"backed up the alert store {active} to {dir.Combine("b")}: alerts 1 file(s) ", backup.Stdout, StringComparison.Ordinal);
        }

        using (new AlertStore(standby))
        {
            var refused = await IngestAsync("restore", "--from", dir.Combine("b"), "--force", $"--Ingest:StateDirectory={dir.Combine("standby")}");
            Assert.Equal(1, refused.ExitCode);
            Assert.Equal($"liveroom-ingest: restore failed: the alert store {standby} is open by another process (a running liveroom-ingest): stop the collector first (systemctl stop liveroom-ingest)", refused.Stderr.Trim());
        }

        var restore = await IngestAsync("restore", "--from", dir.Combine("b"), "--force", $"--Ingest:StateDirectory={dir.Combine("standby")}");

        Assert.True(restore.ExitCode == 0, restore.Stderr);
        using var restored = new AlertStore(standby);
        Assert.Equal(25, restored.LoadRules().Single(r => r.Id == "fps_low").Threshold);
        Assert.Equal("tech", Assert.Single(restored.LoadRota()).Name);
        var incident = Assert.Single(restored.LoadIncidents());
        Assert.Equal([IncidentEventKind.Fired, IncidentEventKind.Resolved], incident.Timeline.Select(e => e.Kind));
    }

    private static Task<ProcessResult> IngestAsync(params string[] args) =>
        ProcessRunner.RunAsync(Path.Combine(AppContext.BaseDirectory, "liveroom-ingest"), args, CommandTimeout, CancellationToken.None);
}
