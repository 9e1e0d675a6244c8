using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Tests.Lifecycle;
using LiveRoom.Mqtt;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Tests.Mqtt;

/// <summary>
/// Decision 0026 with a real Mosquitto: the dashboard says it is online (retained, under its client id), its last will
/// says dead when its link is cut, it says online again after the reconnect, and stopped when it stops cleanly.
/// </summary>
[FailOnUnobservedTaskException]
public sealed class DashboardPresenceTests(MosquittoFixture broker) : IClassFixture<MosquittoFixture>
{
    [Fact]
    public async Task Dashboard_OnlineThenDeadWhenCutThenOnlineThenStopped()
    {
        var relay = new TcpRelay(broker.Server.Port);
        await using var relayLifetime = relay;
        var factory = SchedulePushTests.Factory(relay.Port);
        string topic;
        await using var watcher = await TestMqtt.ConnectAsync(broker.Server, Topic.DashboardInstances);
        try
        {
            var id = factory.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.Mqtt.ClientId;
            topic = Topic.DashboardInstance(id);
            await watcher.WaitForAsync(m => PresenceMessages.Is(m, topic, ServicePresence.Online), "online after connecting");

            relay.Cut();
            var dead = await watcher.WaitForAsync(m => PresenceMessages.Is(m, topic, ServicePresence.Dead), "the last will when the link is cut");
            Assert.Equal(MqttQos.AtLeastOnce, dead.Qos);
            relay.Restore();
            await Eventually.WaitAsync(() => PresenceMessages.OnlineAfterDead(watcher.Received, topic), TestMqtt.Wait, "online again after the reconnect");
        }
        finally
        {
            factory.Dispose();
        }

        await watcher.WaitForAsync(m => PresenceMessages.Is(m, topic, ServicePresence.Stopped), "stopped on a clean stop");
        // What a watchdog connecting later reads: the retained last word.
        await using var late = await TestMqtt.ConnectAsync(broker.Server, topic);
        var retained = await late.WaitForAsync(m => m.Topic == topic, "the retained presence");
        Assert.True(retained.Retain);
        Assert.Equal(ServicePresence.Stopped, ServicePresence.Parse(Topic.DashboardInstancePrefix, topic, retained.Payload.Span, out _)!.State);
    }
}
