using LiveRoom.Ingest.Options;
using LiveRoom.Runtime.Hosting.Watchdog;

namespace LiveRoom.Ingest.Writing;

/// <summary>
/// The collector's write pipeline must keep taking received messages off its queue. It always can: a write that InfluxDB
/// does not answer times out, is retried a bounded number of times and then goes to the spill buffer, so a worker is free
/// again within <see cref="WorstWrite"/>. Messages waiting with none taken for <see cref="Limit"/> therefore mean the workers
/// are hung (a deadlock, a write that never returns), and the check fails: systemd restarts the collector and the edges
/// re-send everything unacknowledged. An empty queue is never judged, however long the collector has been idle, and the
/// clock starts at the first check that sees messages waiting without progress, not at the last message taken.
/// Taken = received − waiting, from one reading of the queue (a dispatcher blocked on a full queue counts one more as
/// received; that only shifts the count, it does not fake progress).
/// </summary>
internal sealed class PipelineProgress(Func<int> waiting, Func<long> received, TimeSpan limit, TimeProvider time) : ILivenessCheck
{
    /// <summary>The shortest no-progress time that counts as hung: 3 minutes.</summary>
    public static readonly TimeSpan MinLimit = TimeSpan.FromMinutes(3);

    private readonly Lock _gate = new();
    private long _lastTaken = -1;
    private DateTimeOffset? _stuckSince;

    public string Name => "collector write pipeline";

    /// <summary>How long messages may wait with none taken before the pipeline counts as hung.</summary>
    public TimeSpan Limit { get; } = limit;

    /// <summary>The longest one write can hold a worker: every attempt timing out, each retry after the longest delay.</summary>
    public static TimeSpan WorstWrite(InfluxOptions options) =>
        (options.RequestTimeout * (options.MaxRetryAttempts + 1)) + (options.RetryMaxDelay * options.MaxRetryAttempts);

    /// <summary>Twice the worst write, at least <see cref="MinLimit"/>.</summary>
    public static TimeSpan LimitFor(InfluxOptions options)
    {
        var twice = WorstWrite(options) * 2;
        return twice > MinLimit ? twice : MinLimit;
    }

    public Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        var count = waiting();
        var done = received() - count;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (count == 0 || done != _lastTaken)
            {
                _lastTaken = done;
                _stuckSince = null;
                return Task.FromResult<string?>(null);
            }

            _stuckSince ??= now;
            var stuck = now - _stuckSince.Value;
            return Task.FromResult(stuck < Limit
                ? null
                : $"{count} received message(s) waiting and none taken by the workers for {stuck.TotalSeconds:0} s "
                  + $"(a write gives up and spills within {Limit.TotalSeconds / 2:0} s; hung after {Limit.TotalSeconds:0} s)");
        }
    }
}
