using LiveRoom.Contracts.Payloads.Lifecycle;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// The room's lifecycle on the edge (issue 6): the schedule (from the retained <c>cmd/schedule</c>, kept on disk),
/// the pre-show checklist (<see cref="ChecklistRunner"/>) and the room state (<see cref="RoomStateMachine"/>), stepped
/// every second on the injected clock. Every state change goes to <see cref="IRoomLifecycle.WatchAsync"/> watchers and to
/// the change callback (the worker publishes it retained). Works with no broker at all.
/// </summary>
public sealed partial class RoomLifecycle : IRoomLifecycle, IAsyncDisposable
{
    private readonly Lock _step = new();
    private readonly string _site;
    private readonly string _room;
    private readonly LifecycleOptions _options;
    private readonly MeasurementTee _measurements;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ScheduleStore _scheduleStore;
    private readonly ChecklistRunner _runner;
    private readonly RoomStateMachine _machine;
    private readonly Action<RoomStateMessage>? _changed;
    private readonly List<System.Threading.Channels.Channel<RoomStateMessage>> _watchers = [];
    private ScheduleMessage? _schedule;
    private RoomStateMessage _current;
    private string _currentKey = string.Empty;

    /// <param name="site">The edge's site.</param>
    /// <param name="room">The edge's room.</param>
    /// <param name="options">Lifecycle settings; <see cref="LifecycleOptions.Directory"/> must be set.</param>
    /// <param name="baseline">What the automatic items are judged against; a show's own profile replaces its <see cref="CheckContext.Profile"/>.</param>
    /// <param name="measurements">The tee every monitor writes through; checklist points go through it to the outbox.</param>
    /// <param name="uplink">The active uplink test; null when none is configured.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where the lifecycle logs.</param>
    /// <param name="changed">Called with every new state (the worker publishes it); null: nobody.</param>
    public RoomLifecycle(
        string site, string room, LifecycleOptions options, CheckContext baseline, MeasurementTee measurements, UplinkTest? uplink,
        TimeProvider time, ILogger logger, Action<RoomStateMessage>? changed = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options?.Directory, nameof(options));
        _site = site;
        _room = room;
        _options = options;
        _measurements = measurements;
        _time = time;
        _logger = logger;
        _changed = changed;
        _scheduleStore = new ScheduleStore(options.Directory);
        _runner = new ChecklistRunner(
            options, new RunStore(options.Directory), measurements, measurements.Snapshot,
            profile => profile is null ? baseline : baseline with { Profile = profile }, uplink, time, logger);
        _machine = new RoomStateMachine(options, time, site, room);
        _current = _machine.Evaluate(new RoomInputs());
    }

    public RoomStateMessage Current
    {
        get { lock (_step) { return _current; } }
    }

    public IReadOnlyList<ManualItemStatus> ManualItems => _runner.ManualItems();

    /// <summary>The schedule in use (null before one was received or loaded).</summary>
    public ScheduleMessage? Schedule
    {
        get { lock (_step) { return _schedule; } }
    }

    /// <summary>Every checklist run known (open and closed).</summary>
    public IReadOnlyList<ChecklistRun> Runs => _runner.Runs;

    /// <summary>The open run, if any.</summary>
    public ChecklistRun? CurrentRun => _runner.Current;

    /// <summary>Loads the saved schedule and runs (resuming an open run), then takes the first step.</summary>
    public void Start()
    {
        var saved = _scheduleStore.Load(out var problem);
        if (problem is not null)
        {
            LifecycleLog.RunUnreadable(_logger, problem);
        }

        lock (_step)
        {
            if (saved is not null && ScheduleValidator.Check(saved, _site, _room, out _) is { } why)
            {
                LifecycleLog.ScheduleRefused(_logger, _scheduleStore.Path, why);
                saved = null;
            }

            _schedule = saved;
            _runner.Load(saved);
        }

        Tick();
    }

    /// <summary>Steps every <see cref="LifecycleDefaults.TickInterval"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(LifecycleDefaults.TickInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Tick();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Quiet exit.
        }
    }

    /// <summary>One step: the checklist, then the room state; watchers and the callback hear about a change.</summary>
    public void Tick()
    {
        RoomStateMessage? changed = null;
        try
        {
            lock (_step)
            {
                _runner.Tick(_schedule);
                var snapshot = _measurements.Snapshot();
                var now = _time.GetUtcNow();
                var inputs = new RoomInputs
                {
                    Schedule = _schedule,
                    StreamUp = snapshot.StreamUp((now - TimeSpan.FromSeconds(5)).ToUnixTimeMilliseconds()),
                    Critical = CriticalEvents.Of(snapshot, now),
                    Checklist = _runner.View(),
                };
                var state = _machine.Evaluate(inputs);
                if (state.State is RoomStates.Live or RoomStates.Fault)
                {
                    _runner.CloseForLive(state.Show?.Id);
                }

                var key = Key(state);
                if (key != _currentKey)
                {
                    if (state.State != _current.State || _currentKey.Length == 0)
                    {
                        LifecycleLog.StateChanged(_logger, state.State, state.Reason);
                    }

                    _current = state;
                    _currentKey = key;
                    changed = state;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LifecycleLog.TickFailed(_logger, ex);
        }

        if (changed is not null)
        {
            Notify(changed);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync().ConfigureAwait(false);
        lock (_watchers)
        {
            foreach (var w in _watchers)
            {
                w.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }

    /// <summary>What makes two states different for the door: everything but the publishing time.</summary>
    private static string Key(RoomStateMessage s) =>
        string.Join('|', s.State, s.Since, s.Unscheduled, s.Reason, s.Show?.Id, s.Show?.Start, s.Show?.End, s.Show?.Title, s.Show?.Host, s.Next?.Id, s.Next?.Start, s.Next?.Title,
            s.Checklist?.Run, s.Checklist?.Passed, s.Checklist?.Total, string.Join(',', s.Checklist?.Failing ?? []), string.Join(',', s.Checklist?.Unconfirmed ?? []), s.TimeZone);
}
