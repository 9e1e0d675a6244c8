using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Outbox;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// The pre-show checklist (issue 6 item 2; seed clause 7.4.3): starts a run at T-<see cref="LifecycleOptions.ChecklistLead"/>
/// for every show (and on demand), measures the automatic items, takes manual confirmations, re-checks every
/// <see cref="LifecycleOptions.RecheckInterval"/> what does not pass, and at T-<see cref="LifecycleOptions.ReadyDeadline"/>
/// publishes whether the run is ready. Runs are keyed by show id and kept on disk after every change, so neither a
/// restart nor a clock jump backwards repeats a finished run or loses a confirmation. Thread-safe: one lock.
/// </summary>
internal sealed partial class ChecklistRunner : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly LifecycleOptions _options;
    private readonly RunStore _store;
    private readonly IMetricSink _sink;
    private readonly Func<MeasurementSnapshot> _measure;
    private readonly Func<ShowProfile?, CheckContext> _context;
    private readonly UplinkTest? _uplink;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, ChecklistRun> _runs = new(StringComparer.Ordinal);
    private ChecklistRun? _current;
    private CheckContext? _currentContext;
    private bool _uplinkRunning;
    private long _nextRecheck;
    private bool _lastStreamUp;
    private bool _settling;
    private Task _uplinkTask = Task.CompletedTask;

    public ChecklistRunner(
        LifecycleOptions options, RunStore store, IMetricSink sink, Func<MeasurementSnapshot> measure, Func<ShowProfile?, CheckContext> context,
        UplinkTest? uplink, TimeProvider time, ILogger logger)
    {
        _options = options;
        _store = store;
        _sink = sink;
        _measure = measure;
        _context = context;
        _uplink = uplink;
        _time = time;
        _logger = logger;
    }

    /// <summary>The open run, if any.</summary>
    public ChecklistRun? Current
    {
        get { lock (_gate) { return _current; } }
    }

    /// <summary>Every run known (open and closed), for tests and export.</summary>
    public IReadOnlyList<ChecklistRun> Runs
    {
        get { lock (_gate) { return [.. _runs.Values.OrderBy(r => r.StartedAt)]; } }
    }

    /// <summary>Reads the run records and resumes the newest open one (re-measuring its items, keeping its confirmations).</summary>
    public void Load(ScheduleMessage? schedule)
    {
        var problems = new List<string>();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            UseScheduleLocked(schedule);
            foreach (var run in _store.LoadAll(now, problems))
            {
                _runs[run.Id] = run;
            }

            _current = _runs.Values.Where(r => !r.Closed).OrderByDescending(r => r.StartedAt).FirstOrDefault();
            foreach (var stale in _runs.Values.Where(r => !r.Closed && r != _current).ToList())
            {
                CloseLocked(stale, "superseded", now);
            }

            if (_current is not null)
            {
                LifecycleLog.RunResumed(_logger, _current.Id, _current.ShowId, _current.Manual.Count(m => m.Confirmed));
                _currentContext = null;
                EvaluateLocked(now, onlyNotPassing: false, retestUplink: _current.Item(ChecklistItems.Uplink)?.Status != ItemStatus.Pass);
            }
        }

        foreach (var problem in problems)
        {
            LifecycleLog.RunUnreadable(_logger, problem);
        }
    }

    /// <summary>Whether a run for <paramref name="showId"/> exists (open or finished).</summary>
    public bool HasRunFor(string showId)
    {
        lock (_gate)
        {
            return _runs.Values.Any(r => r.ShowId == showId);
        }
    }

    /// <summary>Starts a run for <paramref name="show"/> (null: on demand, with no show).</summary>
    public ChecklistRun Start(ScheduledShow? show, IReadOnlyList<ManualItem> manual, string by)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return StartLocked(show, manual, by, now);
        }
    }

    /// <summary>
    /// One step: closes the open run when its show is over, removed or superseded, or its on-demand window passed;
    /// starts the run of a show whose checklist window opened; reports the deadline; re-checks what is due.
    /// </summary>
    public void Tick(ScheduleMessage? schedule)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            UseScheduleLocked(schedule);
            CloseIfDoneLocked(schedule, now);
            StartIfDueLocked(schedule, now);
            if (_current is null)
            {
                return;
            }

            var up = _measure().StreamUp((now - TimeSpan.FromSeconds(10)).ToUnixTimeMilliseconds());
            var streamChanged = up != _lastStreamUp;
            _lastStreamUp = up;
            var due = _time.GetTimestamp() >= _nextRecheck;
            if (due || streamChanged)
            {
                EvaluateLocked(now, onlyNotPassing: true, retestUplink: due);
            }
            else if (_settling)
            {
                // The stream has only just come up: what it could not measure yet is looked at again every step.
                MeasureLocked(_current, now, onlyNotPassing: true);
            }

            ReportDeadlineLocked(now);
        }
    }

    /// <summary>The room went live: the open run of that show (or an on-demand run with no show) has done its job.</summary>
    public void CloseForLive(string? showId)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_current is { } run && (run.ShowId.Length == 0 || run.ShowId == showId))
            {
                CloseLocked(run, "live", now);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task pending;
        lock (_gate)
        {
            pending = _uplinkTask;
        }

        await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private void CloseIfDoneLocked(ScheduleMessage? schedule, DateTimeOffset now)
    {
        if (_current is not { } run)
        {
            return;
        }

        if (run.ShowId.Length == 0)
        {
            if (now >= DateTimeOffset.FromUnixTimeMilliseconds(run.StartedAt) + _options.ChecklistLead)
            {
                CloseLocked(run, "window over", now);
            }

            return;
        }

        if (schedule is not null && schedule.Shows.All(s => s.Id != run.ShowId))
        {
            run.Status = ItemStatus.Aborted;
            CloseLocked(run, "show removed from the schedule", now);
        }
        else if (run.ShowEndTime is { } end && now >= end)
        {
            CloseLocked(run, "show over", now);
        }
    }

    private void StartIfDueLocked(ScheduleMessage? schedule, DateTimeOffset now)
    {
        if (schedule is null)
        {
            return;
        }

        // The first show whose window is open and that never had a run: a clock jump backwards finds its run on disk.
        var due = schedule.Shows
            .Where(s => now >= s.StartTime - _options.ChecklistLead && now < s.StartTime)
            .OrderBy(s => s.Start)
            .FirstOrDefault(s => _runs.Values.All(r => r.ShowId != s.Id));
        if (due is null)
        {
            return;
        }

        if (_current is { } open)
        {
            // An on-demand run gives way; so does the run of a show that has already started.
            var started = open.ShowStartTime is { } start && now >= start;
            if (open.ShowId.Length > 0 && !started)
            {
                return;
            }

            CloseLocked(open, "superseded", now);
        }

        StartLocked(due, schedule.Manual, "schedule", now);
    }

    private ChecklistRun StartLocked(ScheduledShow? show, IReadOnlyList<ManualItem> manual, string by, DateTimeOffset now)
    {
        if (_current is { } open)
        {
            CloseLocked(open, "superseded", now);
        }

        var ts = now.ToUnixTimeMilliseconds();
        var id = show is null ? $"demand-{ts}" : $"show-{show.Id}";
        if (_runs.ContainsKey(id))
        {
            id = $"{id}-{ts}";
        }

        var run = new ChecklistRun
        {
            Id = id,
            ShowId = show?.Id ?? string.Empty,
            Title = show?.Title ?? string.Empty,
            Host = show?.Host ?? string.Empty,
            ShowStart = show?.Start,
            ShowEnd = show?.End,
            StartedAt = ts,
            By = by,
            Manual = [.. manual.Select(m => new ManualRecord { Id = m.Id, Text = m.Text })],
        };
        _runs[id] = run;
        _current = run;
        _currentContext = _context(show?.Profile);
        run.Changes.Add(new ChecklistChange(ts, ChecklistFieldsRun, ItemStatus.Running, "started", by));
        Publish(ChecklistPoints.Run(run, ts, "started", 0));
        foreach (var item in run.Manual)
        {
            Publish(ChecklistPoints.Manual(run, item, ts));
        }

        LifecycleLog.RunStarted(_logger, id, run.ShowId, by);
        EvaluateLocked(now, onlyNotPassing: false, retestUplink: true);
        return run;
    }

    private void CloseLocked(ChecklistRun run, string reason, DateTimeOffset now)
    {
        var ts = now.ToUnixTimeMilliseconds();
        run.ClosedAt = ts;
        run.CloseReason = reason;
        run.Changes.Add(new ChecklistChange(ts, ChecklistFieldsRun, run.Status, "closed: " + reason));
        Publish(ChecklistPoints.Run(run, ts, "closed: " + reason, Passed(run)));
        Save(run);
        LifecycleLog.RunClosed(_logger, run.Id, reason, run.Status);
        if (_current == run)
        {
            _current = null;
            _currentContext = null;
        }
    }
}
