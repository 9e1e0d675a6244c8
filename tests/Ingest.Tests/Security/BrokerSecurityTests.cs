using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Mqtt;
using LiveRoom.Testing;
using static LiveRoom.Ingest.Tests.Security.SecuredBroker;

namespace LiveRoom.Ingest.Tests.Security;

/// <summary>Generated security loaded by a real mosquitto 2.0, both as password/ACL files and as dynamic-security config.</summary>
public sealed class BrokerSecurityTests
{
    private static readonly byte[] Payload = "{}"u8.ToArray();

    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task RoomCredentials_PublishIntoAnotherRoom_Refused0x87AndCollectorGetsNothing(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var collectorInbox = new Received();
        var collector = await broker.ConnectAsync(null, collectorInbox.Handle);
        await collector.SubscribeAsync(Topic.AllRooms, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        var edgeA = await broker.ConnectAsync(RoomA);

        var intoB = Topic.Metrics(RoomB.Site, RoomB.Room, "stream");
        var refused = await Assert.ThrowsAsync<MqttPublishException>(
            () => edgeA.PublishAsync(intoB, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait));
        var own = Topic.Metrics(RoomA.Site, RoomA.Room, "stream");
        await edgeA.PublishAsync(own, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(0x87, refused.ReasonCode);
        var topics = await collectorInbox.WaitForTopicAsync(own);
        Assert.DoesNotContain(intoB, topics);
    }

    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task RoomCredentials_SubscribeToEverything_RefusedOrReceivesNothingOfOthers(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var inbox = new Received();
        var edgeA = await broker.ConnectAsync(RoomA, inbox.Handle);
        var collector = await broker.ConnectAsync(null);

        var subscribe = edgeA.SubscribeAsync("#", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        if (mode == BrokerSecurity.DynamicSecurityPlugin)
        {
            // The plugin checks subscriptions: the v5 refusal reaches the edge.
            var refused = await Assert.ThrowsAsync<MqttSubscribeException>(() => subscribe);
            Assert.Equal(0x87, refused.ReasonCode);
            await edgeA.SubscribeAsync(Topic.AllCommands(RoomA.Site, RoomA.Room), MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        }
        else
        {
            // mosquitto 2.0's acl_file grants the SUBACK and filters every delivery instead.
            await subscribe;
        }

        var otherRoom = Topic.Command(RoomB.Site, RoomB.Room, "schedule");
        var otherMetrics = Topic.Metrics(RoomB.Site, RoomB.Room, "stream");
        var mine = Topic.Command(RoomA.Site, RoomA.Room, "schedule");
        await collector.PublishAsync(otherRoom, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        await collector.PublishAsync(otherMetrics, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        await collector.PublishAsync(mine, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        var topics = await inbox.WaitForTopicAsync(mine);
        Assert.Equal([mine], topics);
    }

    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task Connect_WithoutCredentialsOrWithAnotherRoomsPassword_Refused(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        await using var anonymous = new MosquittoClient(broker.Options(null, null));
        await using var wrongPassword = new MosquittoClient(broker.Options(broker.User(RoomA).UserName, broker.User(RoomB).Password));

        var anonymousRefused = await Assert.ThrowsAsync<MqttConnectException>(() => anonymous.ConnectAsync(CancellationToken.None).WaitAsync(Wait));
        var passwordRefused = await Assert.ThrowsAsync<MqttConnectException>(() => wrongPassword.ConnectAsync(CancellationToken.None).WaitAsync(Wait));

        Assert.Contains(anonymousRefused.ReasonCode, new[] { 0x86, 0x87 });
        Assert.Contains(passwordRefused.ReasonCode, new[] { 0x86, 0x87 });
    }

    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task Collector_ReadsEveryRoomsChannels_AndEachEdgeGetsOnlyItsOwnCommandsAndAck(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var collectorInbox = new Received();
        var collector = await broker.ConnectAsync(null, collectorInbox.Handle);
        await collector.SubscribeAsync(Topic.AllRooms, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        var inboxA = new Received();
        var edgeA = await broker.ConnectAsync(RoomA, inboxA.Handle);
        await edgeA.SubscribeAsync(Topic.AllCommands(RoomA.Site, RoomA.Room), MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await edgeA.SubscribeAsync(Topic.Ack(RoomA.Site, RoomA.Room), MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        var edgeB = await broker.ConnectAsync(RoomB);

        string[] sent =
        [
            Topic.Metrics(RoomA.Site, RoomA.Room, "audio"),
            Topic.Events(RoomA.Site, RoomA.Room),
            Topic.Checklist(RoomA.Site, RoomA.Room),
            Topic.Status(RoomA.Site, RoomA.Room),
            Topic.State(RoomA.Site, RoomA.Room),
            Topic.Display(RoomA.Site, RoomA.Room),
        ];
        foreach (var topic in sent)
        {
            await edgeA.PublishAsync(topic, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        }

        var fromB = Topic.Events(RoomB.Site, RoomB.Room);
        await edgeB.PublishAsync(fromB, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        await collector.PublishAsync(Topic.Ack(RoomB.Site, RoomB.Room), Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        await collector.PublishAsync(Topic.Ack(RoomA.Site, RoomA.Room), Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        await collector.PublishAsync(Topic.DeadLetter("test"), Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        var collected = await collectorInbox.WaitForTopicAsync(fromB);
        Assert.All(sent, topic => Assert.Contains(topic, collected));
        var atA = await inboxA.WaitForTopicAsync(Topic.Ack(RoomA.Site, RoomA.Room));
        Assert.Equal([Topic.Ack(RoomA.Site, RoomA.Room)], atA);
    }
    /// <summary>
    /// Standby collectors and the watchdog read the heartbeat with the collector's account (decisions 0016, 0022), and
    /// standbys the alert configuration and incident records (decision 0023); an edge may not read them.
    /// </summary>
    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task CollectorAccount_ReadsTheCollectorsRetainedHeartbeatConfigurationAndIncidents_AndAnEdgeDoesNot(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var active = await broker.ConnectAsync(null);
        await active.PublishAsync(Topic.CollectorHeartbeat, Payload, MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        var edgeInbox = new Received();
        var edgeA = await broker.ConnectAsync(RoomA, edgeInbox.Handle);
        var edgeSubscribe = edgeA.SubscribeAsync(Topic.CollectorHeartbeat, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        if (mode == BrokerSecurity.DynamicSecurityPlugin)
        {
            Assert.Equal(0x87, (await Assert.ThrowsAsync<MqttSubscribeException>(() => edgeSubscribe)).ReasonCode);
        }
        else
        {
            await edgeSubscribe;
        }

        // What standbys keep a copy of (decision 0023) goes the same way.
        var incident = AlertDefaults.IncidentTopicPrefix + "0123456789abcdef";
        await active.PublishAsync(AlertDefaults.ConfigurationTopic, Payload, MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        await active.PublishAsync(incident, Payload, MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        var standbyInbox = new Received();
        var standby = await broker.ConnectAsync(null, standbyInbox.Handle);
        await standby.SubscribeAsync(AlertDefaults.ConfigurationTopic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await standby.SubscribeAsync(AlertDefaults.IncidentTopicPrefix + "+", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await standby.SubscribeAsync(Topic.CollectorHeartbeat, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);

        var received = await standbyInbox.WaitForTopicAsync(Topic.CollectorHeartbeat);
        Assert.Equal(new[] { AlertDefaults.ConfigurationTopic, incident, Topic.CollectorHeartbeat }.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        await edgeA.SubscribeAsync(Topic.Ack(RoomA.Site, RoomA.Room), MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await active.PublishAsync(Topic.Ack(RoomA.Site, RoomA.Room), Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        Assert.Equal([Topic.Ack(RoomA.Site, RoomA.Room)], await edgeInbox.WaitForTopicAsync(Topic.Ack(RoomA.Site, RoomA.Room)));
    }
    /// <summary>
    /// The dashboard reads the collector's heartbeat and each collector's presence (the wall says when metrics are not
    /// collected, or no standby is ready) but may not write the heartbeat.
    /// </summary>
    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task DashboardAccount_ReadsTheRetainedHeartbeatAndPresences_AndCannotWriteTheHeartbeat(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var active = await broker.ConnectAsync(null);
        var alive = CollectorHeartbeat.Alive(DateTimeOffset.UtcNow, influx: true, "a", TimeSpan.FromSeconds(10));
        await active.PublishAsync(Topic.CollectorHeartbeat, alive, MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        var dashboardInbox = new Received();
        var dashboard = await broker.ConnectAsAsync(broker.Dashboard, dashboardInbox.Handle);

        var presence = Topic.CollectorInstance("a");
        await active.PublishAsync(presence, new CollectorPresence(CollectorPresence.Active, "a", 1).ToJson(), MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        await dashboard.SubscribeAsync(Topic.CollectorInstances, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await dashboardInbox.WaitForTopicAsync(presence);
        await dashboard.SubscribeAsync(Topic.CollectorHeartbeat, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        Assert.Equal([presence, Topic.CollectorHeartbeat], await dashboardInbox.WaitForTopicAsync(Topic.CollectorHeartbeat));
        var forged = await Assert.ThrowsAsync<MqttPublishException>(
            () => dashboard.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Dead("a"), MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait));

        Assert.Equal(0x87, forged.ReasonCode);
        var watcherInbox = new Received();
        var watcher = await broker.ConnectAsync(null, watcherInbox.Handle);
        await watcher.SubscribeAsync(Topic.CollectorHeartbeat, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        await watcherInbox.WaitForTopicAsync(Topic.CollectorHeartbeat);
        Assert.Equal(CollectorHeartbeatStatus.Alive, CollectorHeartbeat.Parse(watcherInbox.Last(Topic.CollectorHeartbeat).Span)!.Status);
    }

    /// <summary>
    /// Decision 0026: the dashboard announces itself with a last will on its presence topic (the broker refuses a will the
    /// account may not write), the collector account the watchdog uses reads it, and no edge can forge it.
    /// </summary>
    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task DashboardAccount_AnnouncesItselfWithAWill_TheCollectorAccountReadsIt_AnEdgeCannotForgeIt(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var watcherInbox = new Received();
        var watcher = await broker.ConnectAsync(null, watcherInbox.Handle);
        await watcher.SubscribeAsync(Topic.DashboardInstances, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        var topic = Topic.DashboardInstance("wall-1");
        await using var relay = new TcpRelay(broker.Server.Port);
        var will = new MqttWill(topic, new ServicePresence(ServicePresence.Dead, "wall-1", 0).ToJson(), MqttQos.AtLeastOnce, Retain: true);
        var dashboard = await broker.ConnectAsAsync(broker.Dashboard, will: will, port: relay.Port);

        await dashboard.PublishAsync(topic, new ServicePresence(ServicePresence.Online, "wall-1", 1).ToJson(), MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        await watcherInbox.WaitForTopicAsync(topic);
        Assert.Equal(ServicePresence.Online, ServicePresence.Parse(Topic.DashboardInstancePrefix, topic, watcherInbox.Last(topic).Span, out _)!.State);
        relay.Cut();
        await Eventually.WaitAsync(() => ServicePresence.Parse(Topic.DashboardInstancePrefix, topic, watcherInbox.Last(topic).Span, out _)!.State == ServicePresence.Dead, Wait, "the dashboard's will read by the collector account");
        var edge = await broker.ConnectAsync(RoomA);
        var forged = await Assert.ThrowsAsync<MqttPublishException>(
            () => edge.PublishAsync(topic, new ServicePresence(ServicePresence.Online, "wall-1", 2).ToJson(), MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait));

        Assert.Equal(0x87, forged.ReasonCode);
    }
}
