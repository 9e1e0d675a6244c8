using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Standby;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Tests.Standby;

/// <summary>
/// A collector of a primary/standby group says what it is through its lease session, against a real mosquitto:
/// standby while another is active, active once it took over, stopped on a clean stop, dead (its will) when cut off.
/// </summary>
public sealed class CollectorPresenceTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new("presence");
    private MosquittoServer _broker = null!;
    private TestMqtt _observer = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = _dir.Path }, CancellationToken.None);
        _observer = await TestMqtt.ConnectAsync(_broker, Topic.CollectorInstances);
    }

    public async Task DisposeAsync()
    {
        await _observer.DisposeAsync();
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Lease_StandsByThenTakesOverThenStops_SaysStandbyActiveStopped()
    {
        await using var active = await ConnectAsync("heartbeat-a", _broker.Port);
        await active.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Alive(DateTimeOffset.UtcNow, influx: true, "a", TimeSpan.FromSeconds(10)), MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        var lease = Lease("b", _broker.Port);
        using var stop = new CancellationTokenSource();
        var turn = lease.WaitForTurnAsync(stop.Token);

        await Eventually.WaitAsync(() => Roles("b").SequenceEqual([CollectorPresence.Standby]), Wait, "b says it stands by");
        await active.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Dead("a"), MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        Assert.Contains("died", await turn.WaitAsync(Wait), StringComparison.Ordinal);
        await Eventually.WaitAsync(() => Roles("b").Count == 2, Wait, "b says it is active");
        await lease.DisposeAsync();

        await Eventually.WaitAsync(() => Roles("b").Count == 3, Wait, "b says it stopped");
        Assert.Equal([CollectorPresence.Standby, CollectorPresence.Active, CollectorPresence.Stopped], Roles("b"));
        Assert.All(Seen(), p => Assert.True(p.Role == CollectorPresence.Dead || p.Ts > 0, "a presence the collector sent carries its clock"));
    }

    [Fact]
    public async Task Lease_CutOffFromTheBroker_ItsWillSaysDead()
    {
        await using var relay = new TcpRelay(_broker.Port);
        await using var lease = Lease("c", relay.Port);
        using var stop = new CancellationTokenSource();
        // No heartbeat at all: c takes over at once.
        await lease.WaitForTurnAsync(stop.Token).WaitAsync(Wait);
        await Eventually.WaitAsync(() => Roles("c").Contains(CollectorPresence.Active), Wait, "c says it is active");

        relay.Cut();

        await Eventually.WaitAsync(() => Roles("c").LastOrDefault() == CollectorPresence.Dead, Wait, "c's will");
        Assert.Equal(CollectorPresence.Dead, Roles("c")[^1]);
    }

    /// <summary>
    /// A standby frozen for longer than the stale time (a paused VM) used to judge the live active collector silent on
    /// resuming and take over from it; now its silence counts from the resume, and a real death still ends the wait.
    /// </summary>
    [Fact]
    public async Task Lease_StandbyPausedLongerThanTheStaleTime_DoesNotTakeOverFromALiveCollector()
    {
        var fake = new FakeTimeProvider();
        var clock = new PausableTime(fake);
        await using var active = await ConnectAsync("heartbeat-a", _broker.Port);
        await active.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Alive(DateTimeOffset.UtcNow, influx: true, "a", TimeSpan.FromSeconds(10)), MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        await using var lease = Lease("p", _broker.Port, clock);
        using var stop = new CancellationTokenSource();
        var turn = lease.WaitForTurnAsync(stop.Token);

        async Task RoundsAsync(int count, TimeSpan step)
        {
            for (var i = 0; i < count; i++)
            {
                var rounds = lease.Rounds;
                await Eventually.WaitAsync(() => { fake.Advance(step); return lease.Rounds > rounds || turn.IsCompleted; }, Wait, "a round of the standby's loop");
            }
        }

        await RoundsAsync(3, TimeSpan.FromMilliseconds(250));
        Assert.Equal([CollectorPresence.Standby], Roles("p"));

        var before = lease.Rounds;
        // Frozen while it waits for its next poll, as a paused VM is: the poll must be pending for the resume to fire it.
        await Eventually.WaitAsync(() => fake.PendingDueTimes().Contains(fake.GetUtcNow() + TimeSpan.FromMilliseconds(250)), Wait, "the standby waiting for its next poll");
        clock.Paused = true;
        fake.Advance(TimeSpan.FromMinutes(2));
        clock.Resume();
        await Eventually.WaitAsync(() => lease.Rounds > before, Wait, "the round on resuming");
        await RoundsAsync(8, TimeSpan.FromMilliseconds(250)); // two seconds more: past any takeover's random pause
        Assert.False(turn.IsCompleted, "the standby took over from a live collector after its own pause");

        await active.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Dead("a"), MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        await Eventually.WaitAsync(() => { fake.Advance(TimeSpan.FromMilliseconds(250)); return turn.IsCompleted; }, Wait, "takes over once a dies");
        Assert.Contains("died", await turn, StringComparison.Ordinal);
    }

    private List<CollectorPresence> Seen() =>
        [.. _observer.Received.Select(m => CollectorPresence.Parse(m.Topic, m.Payload.Span, out var reason) ?? throw new InvalidOperationException($"presence on {m.Topic} unreadable: {reason}"))];

    private List<string> Roles(string instance) => Seen().Where(p => p.Instance == instance).Select(p => p.Role).ToList();

    private CollectorLease Lease(string instance, int port, TimeProvider? time = null) =>
        new(
            o => new MosquittoClient(o),
            new MqttClientOptions { Host = _broker.Host, Port = port, ClientId = "liveroom-collector-lease-" + instance },
            instance,
            TimeSpan.FromSeconds(30),
            NullLogger.Instance,
            time ?? TimeProvider.System);

    private async Task<MosquittoClient> ConnectAsync(string id, int port)
    {
        var client = new MosquittoClient(new MqttClientOptions { Host = _broker.Host, Port = port, ClientId = id });
        await client.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        return client;
    }
}
