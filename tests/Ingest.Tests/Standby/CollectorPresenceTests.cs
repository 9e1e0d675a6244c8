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

    private List<CollectorPresence> Seen() =>
        [.. _observer.Received.Select(m => CollectorPresence.Parse(m.Topic, m.Payload.Span, out var reason) ?? throw new InvalidOperationException($"presence on {m.Topic} unreadable: {reason}"))];

    private List<string> Roles(string instance) => Seen().Where(p => p.Instance == instance).Select(p => p.Role).ToList();

    private CollectorLease Lease(string instance, int port) =>
        new(
            o => new MosquittoClient(o),
            new MqttClientOptions { Host = _broker.Host, Port = port, ClientId = "liveroom-collector-lease-" + instance },
            instance,
            TimeSpan.FromSeconds(30),
            NullLogger.Instance,
            TimeProvider.System);

    private async Task<MosquittoClient> ConnectAsync(string id, int port)
    {
        var client = new MosquittoClient(new MqttClientOptions { Host = _broker.Host, Port = port, ClientId = id });
        await client.ConnectAsync(CancellationToken.None).WaitAsync(Wait);
        return client;
    }
}
