using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Lifecycle;

internal sealed partial class ChecklistRunner
{
    private const string ChecklistFieldsRun = ChecklistFields.RunItem;
    private const int MaxNameLength = 64;

    /// <summary>Records a technician's confirmation (<paramref name="runId"/> empty: the open run).</summary>
    public LifecycleResult Confirm(string runId, string item, string by)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            return LifecycleResult.Refused("who confirms is required");
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_current is not { } run)
            {
                return LifecycleResult.Refused("no checklist run is active");
            }

            if (runId.Length > 0 && runId != run.Id)
            {
                return LifecycleResult.Refused($"run '{runId}' is not the active run ('{run.Id}')");
            }

            var index = run.Manual.FindIndex(m => m.Id == item);
            if (index < 0)
            {
                return LifecycleResult.Refused($"'{item}' is not a manual item of run '{run.Id}' (items: {string.Join(", ", run.Manual.Select(m => m.Id))})");
            }

            var record = run.Manual[index];
            if (record.Confirmed)
            {
                // Idempotent: the first confirmation is the record.
                return LifecycleResult.Done($"'{item}' was already confirmed by {record.ConfirmedBy}");
            }

            var ts = now.ToUnixTimeMilliseconds();
            var who = by.Length > MaxNameLength ? by[..MaxNameLength] : by;
            run.Manual[index] = record with { ConfirmedBy = who, ConfirmedAt = ts };
            run.Changes.Add(new ChecklistChange(ts, item, ItemStatus.Confirmed, record.Text, who));
            Publish(ChecklistPoints.Manual(run, run.Manual[index], ts));
            LifecycleLog.Confirmed(_logger, run.Id, item, who);
            UpdateRunStatusLocked(run, ts);
            Save(run);
            return LifecycleResult.Done($"'{item}' confirmed by {who}");
        }
    }

    /// <summary>On demand while a run is open: every automatic item measured again now, the uplink tested again.</summary>
    public LifecycleResult RecheckNow(string by)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_current is not { } run)
            {
                return LifecycleResult.Refused("no checklist run is active");
            }

            LifecycleLog.Recheck(_logger, run.Id, by);
            EvaluateLocked(now, onlyNotPassing: false, retestUplink: true);
            return LifecycleResult.Done($"run '{run.Id}' is being checked again");
        }
    }

    /// <summary>The open run for the room state; null when there is none.</summary>
    public ChecklistView? View()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return _current is { } run ? ViewLocked(run, now) : null;
        }
    }

    /// <summary>The open run's manual items with who confirmed them.</summary>
    public IReadOnlyList<ManualItemStatus> ManualItems()
    {
        lock (_gate)
        {
            return _current is { } run
                ? [.. run.Manual.Select(m => new ManualItemStatus(m.Id, m.Text, m.Confirmed, m.ConfirmedBy, m.ConfirmedAt))]
                : [];
        }
    }

    private ChecklistView ViewLocked(ChecklistRun run, DateTimeOffset now)
    {
        var failing = run.Items.Where(i => i.Status == ItemStatus.Fail).OrderBy(i => ChecklistItems.Rank(i.Id)).ToList();
        var unconfirmed = run.Manual.Where(m => !m.Confirmed).Select(m => m.Id).ToList();
        var measuring = _uplinkRunning && run.Item(ChecklistItems.Uplink)?.Status == ItemStatus.Pending;
        var progress = new ChecklistProgress
        {
            Run = run.Id,
            Passed = Passed(run),
            Total = run.Items.Count + run.Manual.Count,
            Failing = [.. failing.Select(i => $"{i.Id}: {i.Value}")],
            Unconfirmed = unconfirmed,
        };
        string? reason = null;
        if (failing.Count > 0)
        {
            var worst = failing[0];
            reason = $"{worst.Id} {worst.Value}, needs {worst.Threshold}" + (failing.Count > 1 ? $" (+{failing.Count - 1} more)" : string.Empty);
        }
        else if (unconfirmed.Count > 0 && run.ShowStartTime is { } start && now >= start - _options.ReadyDeadline)
        {
            reason = RoomReasons.NotConfirmed + string.Join(", ", unconfirmed);
        }

        var ready = failing.Count == 0 && !measuring && unconfirmed.Count == 0;
        return new ChecklistView(run.Id, run.ShowId, progress, measuring, reason, ready);
    }

    private static int Passed(ChecklistRun run) =>
        run.Items.Count(i => i.Status == ItemStatus.Pass) + run.Manual.Count(m => m.Confirmed);

    /// <summary>Measures the passive items (all, or those not passing) and starts the uplink test when asked.</summary>
    private void EvaluateLocked(DateTimeOffset now, bool onlyNotPassing, bool retestUplink)
    {
        if (_current is not { } run)
        {
            return;
        }

        var (changed, snapshot) = MeasurePassiveLocked(run, now, onlyNotPassing);
        var uplink = run.Item(ChecklistItems.Uplink);
        if (uplink is null || (retestUplink && uplink.Status != ItemStatus.Pass))
        {
            changed |= StartUplinkLocked(run, _currentContext!, snapshot, now);
        }

        _nextRecheck = _time.GetTimestamp() + (long)(_options.RecheckInterval.TotalSeconds * _time.TimestampFrequency);
        if (changed)
        {
            UpdateRunStatusLocked(run, now.ToUnixTimeMilliseconds());
            Save(run);
        }
    }

    /// <summary>Measures the passive items (all, or those not passing) and nothing else: no uplink test, no re-check rescheduled.</summary>
    private void MeasureLocked(ChecklistRun run, DateTimeOffset now, bool onlyNotPassing)
    {
        if (MeasurePassiveLocked(run, now, onlyNotPassing).Changed)
        {
            UpdateRunStatusLocked(run, now.ToUnixTimeMilliseconds());
            Save(run);
        }
    }

    private (bool Changed, MeasurementSnapshot Snapshot) MeasurePassiveLocked(ChecklistRun run, DateTimeOffset now, bool onlyNotPassing)
    {
        _currentContext ??= _context(ProfileOf(run));
        var snapshot = _measure();
        var changed = false;
        foreach (var result in AutomaticChecks.Evaluate(snapshot, _currentContext, now))
        {
            if (onlyNotPassing && run.Item(result.Id)?.Status == ItemStatus.Pass)
            {
                continue;
            }

            changed |= SetItemLocked(run, result);
        }

        _settling = AutomaticChecks.Settling(snapshot, now);
        return (changed, snapshot);
    }

    private ShowProfile? ProfileOf(ChecklistRun run) =>
        run.ShowId.Length == 0 ? null : _lastProfiles.TryGetValue(run.ShowId, out var p) ? p : null;

    private bool SetItemLocked(ChecklistRun run, ChecklistItemResult result)
    {
        var index = run.Items.FindIndex(i => i.Id == result.Id);
        if (index >= 0 && run.Items[index].Status == result.Status && run.Items[index].Value == result.Value)
        {
            return false;
        }

        if (index >= 0)
        {
            run.Items[index] = result;
        }
        else
        {
            run.Items.Add(result);
            run.Items.Sort((a, b) => ChecklistItems.Rank(a.Id).CompareTo(ChecklistItems.Rank(b.Id)));
        }

        run.Changes.Add(new ChecklistChange(result.At, result.Id, result.Status, result.Value));
        Publish(ChecklistPoints.Item(run, result));
        return true;
    }

    private void UpdateRunStatusLocked(ChecklistRun run, long ts)
    {
        if (run.Status == ItemStatus.Aborted)
        {
            return;
        }

        var view = ViewLocked(run, DateTimeOffset.FromUnixTimeMilliseconds(ts));
        var status = view.Measuring ? ItemStatus.Running : view.Ready ? ItemStatus.Ready : ItemStatus.NotReady;
        if (status == run.Status)
        {
            return;
        }

        run.Status = status;
        var summary = Summary(view);
        run.Changes.Add(new ChecklistChange(ts, ChecklistFieldsRun, status, summary));
        Publish(ChecklistPoints.Run(run, ts, summary, view.Progress.Passed));
    }

    private static string Summary(ChecklistView view) =>
        $"{view.Progress.Passed}/{view.Progress.Total} passed" + (view.FailReason is { } r ? "; " + r : string.Empty);

    private void ReportDeadlineLocked(DateTimeOffset now)
    {
        if (_current is not { ShowStartTime: { } start, DeadlineReported: false } run || now < start - _options.ReadyDeadline)
        {
            return;
        }

        var view = ViewLocked(run, now);
        if (view.Measuring)
        {
            // Judge the run on measurements, not on a test still under way.
            return;
        }

        var ts = now.ToUnixTimeMilliseconds();
        UpdateRunStatusLocked(run, ts);
        run.DeadlineReported = true;
        run.ReadyAtDeadline = view.Ready;
        var summary = Summary(view);
        run.Changes.Add(new ChecklistChange(ts, ChecklistFieldsRun, run.Status, "deadline: " + summary));
        Publish(ChecklistPoints.Run(run, ts, summary, view.Progress.Passed, view.Ready));
        Save(run);
        LifecycleLog.Deadline(_logger, run.Id, view.Ready, summary);
    }

    private void Publish(MetricPoint point)
    {
        try
        {
            _sink.Append(point);
        }
        catch (Exception ex)
        {
            LifecycleLog.PointFailed(_logger, ex);
        }
    }

    private void Save(ChecklistRun run)
    {
        try
        {
            _store.Save(run);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LifecycleLog.SaveFailed(_logger, _store.PathOf(run.Id), ex.Message);
        }
    }
}
