using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Alerts.Heartbeat;
using System.Globalization;

namespace LiveRoom.Ingest.Standby;

/// <summary>
/// The rules of <see cref="CollectorLease"/>, without MQTT: fed the heartbeats, it says when this collector may take
/// over and when another active one outranks it. Thread-safe.
/// </summary>
internal sealed class LeaseState(string instance, TimeSpan staleAfter, TimeProvider time)
{
    private readonly Lock _lock = new();
    private CollectorHeartbeat? _last;
    private DateTimeOffset _lastAliveAt;
    private string? _rival;
    private bool _watching;

    /// <summary>The latest heartbeat (null before any).</summary>
    public CollectorHeartbeat? Last
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    /// <summary>Takes a heartbeat; false when the payload is not one. <paramref name="retained"/>: replayed by the broker on subscribing.</summary>
    public bool OnHeartbeat(ReadOnlySpan<byte> payload, bool retained)
    {
        var reading = CollectorHeartbeat.Parse(payload);
        if (reading is null || reading.Status == CollectorHeartbeatStatus.Other)
        {
            return false;
        }

        lock (_lock)
        {
            _last = reading;
            if (reading.Status == CollectorHeartbeatStatus.Alive)
            {
                // Our own clock, not the sender's "ts": the two machines' clocks may differ.
                _lastAliveAt = time.GetUtcNow();
                if (_watching && !retained && Outranks(reading.Instance))
                {
                    _rival ??= reading.Name;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// This collector was paused (its own loop ran far later than due: a frozen VM, SIGSTOP): the heartbeats it could not
    /// read meanwhile are not the active collector's silence. An active collector last seen alive gets a whole stale
    /// period from now; a death or a stop already read stays what it is.
    /// </summary>
    public void Resumed()
    {
        lock (_lock)
        {
            if (_last?.Status == CollectorHeartbeatStatus.Alive)
            {
                _lastAliveAt = time.GetUtcNow();
            }
        }
    }

    /// <summary>Why this collector may take over now, or null while another one is active.</summary>
    public string? Turn()
    {
        lock (_lock)
        {
            if (_last is null)
            {
                return "no collector has published a heartbeat";
            }

            return _last.Status switch
            {
                CollectorHeartbeatStatus.Dead => $"collector {_last.Name} died (its last will arrived)",
                CollectorHeartbeatStatus.Stopped => $"collector {_last.Name} stopped",
                _ when _last.Instance == instance => "the last heartbeat is this collector's own, from before it restarted",
                _ when time.GetUtcNow() - _lastAliveAt >= staleAfter =>
                    string.Create(CultureInfo.InvariantCulture, $"collector {_last.Name} has been silent for {(time.GetUtcNow() - _lastAliveAt).TotalSeconds:0} s"),
                _ => null,
            };
        }
    }

    /// <summary>From now on (this collector is active) note any other active collector that outranks this one.</summary>
    public void BeginWatch()
    {
        lock (_lock)
        {
            _watching = true;
            _rival = null;
        }
    }

    /// <summary>Whether this collector is the active one (since <see cref="BeginWatch"/>).</summary>
    public bool Watching
    {
        get
        {
            lock (_lock)
            {
                return _watching;
            }
        }
    }

    /// <summary>An active collector that outranks this one (seen alive since <see cref="BeginWatch"/>), or null.</summary>
    public string? Rival
    {
        get
        {
            lock (_lock)
            {
                return _rival;
            }
        }
    }

    // Two active at once (a split start, or a link that came back): the name that sorts first stays. A collector
    // without standby settings never steps down, so it always outranks.
    private bool Outranks(string? other) => other != instance && (other is null || string.CompareOrdinal(other, instance) < 0);
}
