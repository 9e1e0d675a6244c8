using LiveRoom.Contracts.Payloads;
namespace LiveRoom.Ingest.Alerts.Heartbeat;

/// <summary>
/// The watchdog's judgement of the collector's heartbeat (fed from the retained topic by whoever runs the watchdog):
/// <c>Alive</c>, <c>Stale</c> (no heartbeat for <c>staleAfter</c>), <c>Dead</c> (the last will arrived) or
/// <c>InfluxDown</c> (alive, but has reported InfluxDB unhealthy in every heartbeat for <c>staleAfter</c>: a collector
/// says so while it sets up its database at start, and while one spilled batch drains after a blip; neither is worth
/// paging for, and an outage's points wait safely in the spill meanwhile). Thread-safe.
/// </summary>
public sealed class HeartbeatWatchdog(TimeSpan staleAfter, TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _lastSeen = time.GetUtcNow();
    private bool _dead;
    private bool _influx = true;
    private DateTimeOffset _influxDownSince;
    private string? _instance;

    public enum Verdict
    {
        Alive,
        Stale,
        Dead,
        InfluxDown,
    }

    public void OnHeartbeat(ReadOnlySpan<byte> payload)
    {
        if (CollectorHeartbeat.Parse(payload) is not { } reading)
        {
            return;
        }

        var dead = reading.Status == CollectorHeartbeatStatus.Dead;
        lock (_lock)
        {
            _dead = dead;
            _instance = reading.Instance;
            if (dead)
            {
                // Whatever it said before it died; the next collector's grace starts afresh.
                _influx = true;
                return;
            }

            if (_influx && !reading.Influx)
            {
                _influxDownSince = time.GetUtcNow();
            }

            _influx = reading.Influx;
            _lastSeen = time.GetUtcNow();
        }
    }

    /// <summary>The collector the latest heartbeat names (primary/standby collectors); null for a single collector.</summary>
    public string? Instance
    {
        get
        {
            lock (_lock)
            {
                return _instance;
            }
        }
    }

    public Verdict Check()
    {
        lock (_lock)
        {
            if (_dead)
            {
                return Verdict.Dead;
            }

            if (time.GetUtcNow() - _lastSeen >= staleAfter)
            {
                return Verdict.Stale;
            }

            return _influx || time.GetUtcNow() - _influxDownSince < staleAfter ? Verdict.Alive : Verdict.InfluxDown;
        }
    }
}
