using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;

namespace LiveRoom.Dashboard.Collectors;

/// <summary>
/// The active collector's retained heartbeat (<see cref="CollectorHeartbeat"/>, subscribed by <see cref="Mqtt.EdgeLink"/>)
/// turned into what the room wall says about collection: running, InfluxDB down, silent (no heartbeat for three of its
/// intervals), down (its last will), stopped, or unknown. Times are the dashboard's own clock, not the sender's.
/// With primary/standby collectors it also keeps each one's presence (<see cref="CollectorPresence"/>), to say when no
/// standby is ready to take over. A payload that is not a heartbeat or a presence is counted and logged and changes
/// nothing. Thread-safe.
/// </summary>
internal sealed partial class CollectorStatusCache(TimeProvider time, ILogger<CollectorStatusCache> logger)
{
    /// <summary>The heartbeat period assumed when a message does not say (the collector's default).</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>Heartbeats missed before the collector counts as silent (as standby collectors judge it).</summary>
    public const int MissedBeats = 3;

    private readonly Lock _lock = new();
    private CollectorHeartbeat? _last;
    private DateTimeOffset? _lastAliveAt;
    private DateTimeOffset? _since;
    private string? _tookOverFrom;
    private readonly CollectorGroup _group = new();
    private readonly ServicePresenceTable _watchdogs = new(Topic.WatchdogInstancePrefix);
    private long _rejected;

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>True for the topics this cache reads (<see cref="Mqtt.EdgeLink"/> routes them here).</summary>
    public static bool Reads(string topic) =>
        topic == Topic.CollectorHeartbeat || topic.StartsWith(Topic.CollectorInstancePrefix, StringComparison.Ordinal)
        || topic.StartsWith(Topic.WatchdogInstancePrefix, StringComparison.Ordinal);

    public ValueTask HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (message.Topic == Topic.CollectorHeartbeat)
        {
            Handle(message.Payload.Span, message.Retain);
        }
        else if (message.Topic.StartsWith(Topic.WatchdogInstancePrefix, StringComparison.Ordinal))
        {
            HandleWatchdog(message.Topic, message.Payload.Span, message.Retain);
        }
        else
        {
            HandlePresence(message.Topic, message.Payload.Span, message.Retain);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Takes a watchdog's presence (decision 0026); an empty payload (cleared by an operator when the watchdog is retired)
    /// forgets it. <paramref name="retained"/>: replayed on subscribing, so when its state began is not known.
    /// </summary>
    public void HandleWatchdog(string topic, ReadOnlySpan<byte> payload, bool retained)
    {
        if (_watchdogs.Apply(topic, payload, retained ? null : time.GetUtcNow()) is { } reason)
        {
            Interlocked.Increment(ref _rejected);
            LogPresenceRejected(logger, topic, reason);
        }
    }

    /// <summary>Takes one collector's presence; an empty payload (cleared by an operator) removes it from the group.</summary>
    public void HandlePresence(string topic, ReadOnlySpan<byte> payload, bool retained)
    {
        if (_group.Apply(topic, payload, time.GetUtcNow(), retained) is { } reason)
        {
            Interlocked.Increment(ref _rejected);
            LogPresenceRejected(logger, topic, reason);
        }
    }

    /// <summary>Takes one heartbeat; <paramref name="retained"/>: replayed by the broker on subscribing, so older than now.</summary>
    public void Handle(ReadOnlySpan<byte> payload, bool retained)
    {
        var reading = payload.IsEmpty ? null : CollectorHeartbeat.Parse(payload);
        if (reading is null || reading.Status == CollectorHeartbeatStatus.Other)
        {
            Interlocked.Increment(ref _rejected);
            LogRejected(logger, payload.IsEmpty ? "an empty payload (retained heartbeat cleared)" : reading is null ? "not a JSON object" : "an unknown status");
            return;
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            var previous = _last;
            var changed = previous is null || previous.Status != reading.Status || previous.Instance != reading.Instance || previous.Influx != reading.Influx
                || WasSilent(previous, now);
            if (reading.Status == CollectorHeartbeatStatus.Alive)
            {
                if (previous is not null && previous.Instance != reading.Instance)
                {
                    _tookOverFrom = previous.Name;
                }
                else if (changed)
                {
                    _tookOverFrom = null;
                }

                // A retained "alive" is at most one interval old; the dashboard's clock starts it now.
                _lastAliveAt = now;
            }

            if (changed)
            {
                // A retained message says how things are, not when they began.
                _since = retained ? null : now;
            }

            _last = reading;
        }
    }

    /// <summary>What the wall shows; <paramref name="linkProblem"/>: why the dashboard's MQTT link is down, if it is.</summary>
    public CollectorStatusView View(string? linkProblem, bool linkConfigured = true)
    {
        if (!linkConfigured)
        {
            return new(CollectorStates.Off, null, null, null, null, "the dashboard has no MQTT connection (Dashboard:Mqtt:Host), so it cannot tell whether metrics are being collected");
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (linkProblem is not null)
            {
                return new(CollectorStates.NoLink, _last?.Instance, null, _lastAliveAt, null, $"the dashboard cannot tell whether metrics are being collected: {linkProblem}");
            }

            var watchdogs = _watchdogs.Entries;
            return Judge(now) with
            {
                Group = _group.Members,
                StandbyWarning = StandbyWarning(_group.DeadWithoutStandby()),
                SpillBatches = _last?.Status == CollectorHeartbeatStatus.Alive ? _last.Spill : null,
                Watchdogs = watchdogs,
                WatchdogWarning = WatchdogWarning(watchdogs),
            };
        }
    }

    /// <summary>
    /// Null while a standby is ready (or there is no group); otherwise why none would take over
    /// (<see cref="CollectorGroup.DeadWithoutStandby"/>).
    /// </summary>
    private static string? StandbyWarning(IReadOnlyList<CollectorMember> dead) =>
        dead.Count == 0
            ? null
            : $"no standby collector is ready ({string.Join(", ", dead.Select(d => $"{d.Instance} is down{At(d.Since)}"))}): if the active collector fails, none takes over";

    /// <summary>
    /// Null while a watchdog is online (or none has ever announced itself: a site without one); otherwise who would be
    /// told if the collector failed — nobody. A watchdog stopped on purpose is named as such, not as down.
    /// </summary>
    private static string? WatchdogWarning(IReadOnlyList<ServicePresenceEntry> watchdogs) =>
        watchdogs.Count == 0 || watchdogs.Any(w => w.State == ServicePresence.Online)
            ? null
            : $"no collector watchdog is running ({string.Join(", ", watchdogs.Select(w => $"{w.Instance} {(w.State == ServicePresence.Dead ? "is down" : "was stopped")}{At(w.Since)}"))}): if the collector fails, nobody is told";

    /// <summary>The state from the latest heartbeat; called under the lock.</summary>
    private CollectorStatusView Judge(DateTimeOffset now)
    {
        var last = _last;
        if (last is null)
        {
            return new(CollectorStates.Unknown, null, null, null, null, "no collector has published a heartbeat: metrics are not being collected");
        }

        var who = last.Instance is null ? "the collector" : $"collector {last.Instance}";
        return last.Status switch
        {
            CollectorHeartbeatStatus.Dead => new(CollectorStates.Down, last.Instance, _since, _lastAliveAt, null,
                $"{who} is down (its connection to the broker was lost{At(_since)}): new metrics are not being stored; edges keep them until it is back"),
            CollectorHeartbeatStatus.Stopped => new(CollectorStates.Stopped, last.Instance, _since, _lastAliveAt, null,
                $"{who} was stopped{At(_since)}: new metrics are not being stored; edges keep them until it is back"),
            _ when WasSilent(last, now) => new(CollectorStates.Silent, last.Instance, _lastAliveAt + IntervalOf(last), _lastAliveAt, null,
                string.Create(CultureInfo.InvariantCulture, $"{who} has not sent a heartbeat for {(now - _lastAliveAt!.Value).TotalSeconds:0} s (every {IntervalOf(last).TotalSeconds:0} s expected): it may be hung; data may be stale")),
            _ when !last.Influx => new(CollectorStates.InfluxDown, last.Instance, _since, _lastAliveAt, _tookOverFrom,
                $"{who} is running but cannot write to InfluxDB{Since(_since)}: points wait in its spill buffer{Batches(last.Spill)} and are written when InfluxDB is back; charts lag until then"),
            _ => new(CollectorStates.Running, last.Instance, _since, _lastAliveAt, _tookOverFrom,
                _tookOverFrom is null ? $"{who} is running" : $"{who} is running (took over from {_tookOverFrom}{At(_since)})"),
        };
    }

    private bool WasSilent(CollectorHeartbeat? last, DateTimeOffset now) =>
        last?.Status == CollectorHeartbeatStatus.Alive && _lastAliveAt is { } at && now - at > IntervalOf(last) * MissedBeats;

    private static TimeSpan IntervalOf(CollectorHeartbeat heartbeat) => heartbeat.Interval ?? DefaultInterval;

    private static string At(DateTimeOffset? when) => when is { } t ? " at " + t.ToString("u", CultureInfo.InvariantCulture) : string.Empty;

    private static string Batches(long? spill) =>
        spill is { } n ? string.Create(CultureInfo.InvariantCulture, $" ({n} write batch{(n == 1 ? string.Empty : "es")})") : string.Empty;

    private static string Since(DateTimeOffset? when) => when is { } t ? " since " + t.ToString("u", CultureInfo.InvariantCulture) : string.Empty;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collector presence on {Topic} ignored: {Reason}")]
    private static partial void LogPresenceRejected(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collector heartbeat ignored: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
