using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Heartbeat;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Standby;

/// <summary>
/// Which of several collectors is active (seed clause 4.3), decided by the heartbeat every active collector already
/// publishes (retained on <see cref="Contracts.Topics.Topic.CollectorHeartbeat"/>, "dead" as its last will, "stopped" on a clean
/// stop). A collector that starts watches it through a session of its own (<c>{ClientId}-lease-{Instance}</c>) and
/// takes over when no collector is alive: no heartbeat, "dead", "stopped", silent for three intervals, or its own from
/// before a restart. Taking over means connecting the shared persistent session (same client id), which the broker
/// kept queueing for while nobody held it; what the old collector had received but not stored, the edges re-send,
/// since it was never acknowledged (issue 3 item 5). When two end up active (both started at once, or a cut link
/// came back), each sees the other's heartbeat and the one whose name sorts later steps down.
/// The same session says what this collector is (<see cref="CollectorPresence"/>, retained on
/// <see cref="Topic.CollectorInstance"/>): standby while it waits, active once it took over, dead as the session's last
/// will, stopped on a clean stop; again after every reconnect. The dashboard shows the group from it.
/// </summary>
public sealed class CollectorLease : IAsyncDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RetryMin = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RetryMax = TimeSpan.FromSeconds(30);
    private readonly IMqttClient _client;
    private readonly LeaseState _state;
    private readonly string _instance;
    private readonly string _broker;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IReplicaFollower> _followers;
    private readonly IDisposable _onConnected;
    private readonly TimeSpan _staleAfter;
    private long _rounds;
    private volatile string _role = CollectorPresence.Standby;

    /// <param name="factory">Creates the lease's MQTT session, e.g. <c>o =&gt; new MosquittoClient(o, logger)</c>.</param>
    /// <param name="session">The lease's own session (its client id must differ from the collector's); its handler is set here.</param>
    /// <param name="instance">This collector's name (<see cref="StandbyOptions.Instance"/>).</param>
    /// <param name="staleAfter">A heartbeat older than this counts as a dead collector (three heartbeat intervals).</param>
    /// <param name="logger">Logging.</param>
    /// <param name="time">Clock.</param>
    /// <param name="followers">What this collector keeps a copy of from the active one (alert configuration, incident records).</param>
    public CollectorLease(Func<MqttClientOptions, IMqttClient> factory, MqttClientOptions session, string instance, TimeSpan staleAfter, ILogger logger, TimeProvider time, IReadOnlyList<IReplicaFollower>? followers = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(session);
        _instance = instance;
        _logger = logger;
        _time = time;
        _followers = followers ?? [];
        _broker = string.Create(CultureInfo.InvariantCulture, $"{session.Host}:{session.Port}");
        _state = new LeaseState(instance, staleAfter, time);
        _staleAfter = staleAfter;
        var will = new MqttWill(Topic.CollectorInstance(instance), new CollectorPresence(CollectorPresence.Dead, instance, 0).ToJson(), MqttQos.AtLeastOnce, true);
        _client = factory(session with { CleanStart = true, Will = will, OnMessage = OnMessage });
        // After a reconnect the broker may have sent the will meanwhile: say again what this collector is.
        _onConnected = _client.OnConnected(() => _ = AnnounceAsync(_role));
    }

    /// <summary>Connects, reads the heartbeat and returns (with the reason) once this collector may be the active one.</summary>
    public async Task<string> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var follower in _followers)
        {
            await _client.SubscribeAsync(follower.TopicFilter, MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        }

        await _client.SubscribeAsync(Topic.CollectorHeartbeat, MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        // The broker sends the retained copies and the heartbeat right after each SUBACK, so the newest configuration
        // and incident records are in the store before this collector can take over.
        await Task.Delay(Settle, _time, cancellationToken).ConfigureAwait(false);
        string? announced = null;
        // One heartbeat interval late: a pause long enough to make a live collector look silent.
        var pauses = new PauseDetector(_time, Poll + _staleAfter / WatchdogHosting.StaleIntervals);
        while (true)
        {
            if (pauses.Paused() is { } paused)
            {
                // This standby itself was paused: judging the active collector on what it read before would take over
                // from a live one (decision 0022 addendum).
                _state.Resumed();
                StandbyLog.Resumed(_logger, _instance, paused);
            }

            Interlocked.Increment(ref _rounds);
            if (_state.Turn() is not null)
            {
                // Standbys that saw the same death would all take over at once; a random pause lets the first one's
                // heartbeat reach the others, which then keep standing by.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000)), _time, cancellationToken).ConfigureAwait(false);
                if (_state.Turn() is { } reason)
                {
                    _state.BeginWatch();
                    _role = CollectorPresence.Active;
                    await AnnounceAsync(CollectorPresence.Active).ConfigureAwait(false);
                    return reason;
                }
            }

            var active = _state.Last?.Name;
            if (active is not null && active != announced)
            {
                StandbyLog.StandingBy(_logger, _instance, active);
                announced = active;
            }

            await Task.Delay(Poll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Rounds of <see cref="WaitForTurnAsync"/> so far (for tests that must know one has passed).</summary>
    internal long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>While active: completes with the rival's name once another active collector outranks this one.</summary>
    public async Task<string> WatchForRivalAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_state.Rival is { } rival)
            {
                return rival;
            }

            await Task.Delay(Poll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _onConnected.Dispose();
        try
        {
            if (_client.IsConnected)
            {
                // A clean stop: the broker does not send the will then, so this collector says it itself.
                _role = CollectorPresence.Stopped;
                await AnnounceAsync(CollectorPresence.Stopped).ConfigureAwait(false);
                await _client.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (MqttException)
        {
            // Going away anyway; the will says "dead" if the stop did not go through.
        }

        await _client.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Publishes this collector's presence; a failure is logged (the next reconnect says it again), never thrown.</summary>
    private async Task AnnounceAsync(string role)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
            var presence = new CollectorPresence(role, _instance, _time.GetUtcNow().ToUnixTimeMilliseconds());
            await _client.PublishAsync(Topic.CollectorInstance(_instance), presence.ToJson(), MqttQos.AtLeastOnce, retain: true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttException or OperationCanceledException)
        {
            StandbyLog.PresenceFailed(_logger, _instance, role, ex.Message);
        }
    }

    private Task ConnectAsync(CancellationToken cancellationToken) =>
        _client.ConnectUntilConnectedAsync(RetryMin, RetryMax, (ex, delay) => StandbyLog.BrokerNotReady(_logger, _instance, _broker, ex.Message, delay), _time, cancellationToken);

    private ValueTask OnMessage(MqttMessage message, CancellationToken cancellationToken)
    {
        foreach (var follower in _followers)
        {
            if (follower.Accepts(message.Topic))
            {
                follower.OnMessage(message.Topic, message.Payload.Span, _state.Watching);
                return ValueTask.CompletedTask;
            }
        }

        if (!_state.OnHeartbeat(message.Payload.Span, message.Retain))
        {
            StandbyLog.NotAHeartbeat(_logger, _instance);
        }

        return ValueTask.CompletedTask;
    }
}
