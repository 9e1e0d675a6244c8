using System.Globalization;

namespace LiveRoom.Demo.Supervision;

/// <summary>
/// One supervised child: started once, then watched; an unexpected exit is reported (name, exit code, last
/// output) and the child is started again with <see cref="RestartBackoff"/>, or the demo gives up.
/// </summary>
internal sealed class Supervised
{
    // A terminal Ctrl-C also reaches the children that are not in a group of their own (the broker and the
    // database, started by LiveRoom.Runtime); give the host this long to notice before calling it a crash.
    private static readonly TimeSpan SignalRace = TimeSpan.FromSeconds(1);

    private readonly Func<bool, CancellationToken, Task<RunningChild>> _start;
    private readonly RestartBackoff _backoff;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Action<string, string> _giveUp;
    private readonly object _gate = new();
    private RunningChild? _current;
    private bool _stopped;

    /// <param name="name">Name in reports, e.g. "encoder room-1".</param>
    /// <param name="start">Starts the child; the flag says whether this is a restart.</param>
    /// <param name="backoff">Restart policy.</param>
    /// <param name="logger">Where exits and restarts are reported.</param>
    /// <param name="time">Clock for run lengths and restart delays.</param>
    /// <param name="giveUp">Called with the name and reason when the demo should stop.</param>
    public Supervised(
        string name,
        Func<bool, CancellationToken, Task<RunningChild>> start,
        RestartBackoff backoff,
        ILogger logger,
        TimeProvider time,
        Action<string, string> giveUp)
    {
        Name = name;
        _start = start;
        _backoff = backoff;
        _logger = logger;
        _time = time;
        _giveUp = giveUp;
    }

    public string Name { get; }

    public int Pid => _current?.Pid ?? 0;

    /// <summary>First start; throws if the child cannot start (the demo then stops).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var child = await _start(false, cancellationToken);
        lock (_gate)
        {
            _current = child;
        }

        SupervisorLog.Started(_logger, Name, child.Pid);
    }

    /// <summary>Watches the child until <paramref name="stopping"/> fires; restarts it as the policy says.</summary>
    public async Task WatchAsync(CancellationToken stopping)
    {
        var startedAt = _time.GetTimestamp();
        while (true)
        {
            var child = _current!;
            int? code;
            try
            {
                code = await child.Exited.WaitAsync(stopping);
                await Task.Delay(SignalRace, _time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var ran = _time.GetElapsedTime(startedAt);
            var codeText = code?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
            SupervisorLog.ExitedUnexpectedly(_logger, Name, child.Pid, codeText, ran.TotalSeconds, child.Tail());
            KillLeftovers(child);

            var decision = _backoff.OnExit(ran, code);
            if (!decision.Restart)
            {
                SupervisorLog.GivingUp(_logger, Name, decision.Reason!);
                _giveUp(Name, $"{Name} exited with code {codeText}: {decision.Reason}");
                return;
            }

            SupervisorLog.Restarting(_logger, Name, decision.Delay.TotalSeconds);
            RunningChild next;
            try
            {
                await Task.Delay(decision.Delay, _time, stopping);
                next = await _start(true, stopping);
                SupervisorLog.Started(_logger, Name, next.Pid);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                SupervisorLog.RestartFailed(_logger, Name, ex.Message);
                next = RunningChild.Failed(ex.Message);
            }

            lock (_gate)
            {
                if (_stopped)
                {
                    _ = next.StopAsync(TimeSpan.Zero);
                    return;
                }

                _current = next;
            }

            startedAt = _time.GetTimestamp();
        }
    }

    /// <summary>Stops the current run (SIGTERM, grace, SIGKILL) and anything left in its process group.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        RunningChild? child;
        lock (_gate)
        {
            _stopped = true;
            child = _current;
        }

        if (child is null || child.Pid == 0)
        {
            return;
        }

        SupervisorLog.Stopping(_logger, Name);
        await child.StopAsync(grace);
        KillLeftovers(child);
    }

    private void KillLeftovers(RunningChild child)
    {
        if (child.OwnGroup && ProcessGroup.KillGroup(child.Pid))
        {
            SupervisorLog.KilledLeftovers(_logger, Name);
        }
    }
}
