using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;
using static LiveRoom.Ingest.Tests.Security.SecuredBroker;

namespace LiveRoom.Ingest.Tests.Security;

/// <summary>The generated dashboard and door-sign accounts on a real mosquitto 2.0, as password/ACL files and as dynamic-security config.</summary>
public sealed class DashboardAndSignSecurityTests
{
    private static readonly byte[] Payload = "{}"u8.ToArray();

    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task Dashboard_PublishesRetainedSchedule_RoomsEdgeReceivesIt(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var dashboard = await broker.ConnectAsAsync(broker.Dashboard);
        var schedule = Topic.Command(RoomA.Site, RoomA.Room, CommandName.Schedule);

        // As SchedulePublisher does: QoS 1, retained, before the edge is even connected.
        await dashboard.PublishAsync(schedule, Payload, MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        var inbox = new Received();
        var edgeA = await broker.ConnectAsync(RoomA, inbox.Handle);
        await edgeA.SubscribeAsync(Topic.AllCommands(RoomA.Site, RoomA.Room), MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);

        var topics = await inbox.WaitForTopicAsync(schedule);
        Assert.Equal([schedule], topics);
    }

    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task Dashboard_SubscribesAsEdgeLinkAndEvidenceLink_ReadsStateStatusThumbnailButNotMetrics(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var inbox = new Received();
        var dashboard = await broker.ConnectAsAsync(broker.Dashboard, inbox.Handle);
        string[] filters =
        [
            Topic.Root + "/+/+/" + TopicChannel.State,
            Topic.Root + "/+/+/" + TopicChannel.Status,
            Topic.AllThumbnails,
        ];
        foreach (var filter in filters)
        {
            await dashboard.SubscribeAsync(filter, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        }

        if (mode == BrokerSecurity.PasswordAndAclFiles)
        {
            // acl_file grants any SUBACK; what counts is that no metrics are delivered.
            await dashboard.SubscribeAsync(Topic.AllRooms, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        }
        else
        {
            var refused = await Assert.ThrowsAsync<MqttSubscribeException>(
                () => dashboard.SubscribeAsync(Topic.AllRooms, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait));
            Assert.Equal(0x87, refused.ReasonCode);
        }

        var edgeA = await broker.ConnectAsync(RoomA);
        var edgeB = await broker.ConnectAsync(RoomB);
        var metrics = Topic.Metrics(RoomA.Site, RoomA.Room, "stream");
        string[] readable = [Topic.Status(RoomA.Site, RoomA.Room), Topic.Thumbnail(RoomB.Site, RoomB.Room), Topic.State(RoomA.Site, RoomA.Room)];
        await edgeA.PublishAsync(metrics, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        await edgeA.PublishAsync(readable[0], Payload, MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        await edgeB.PublishAsync(readable[1], Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        await edgeA.PublishAsync(readable[2], Payload, MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);

        var topics = await inbox.WaitForTopicAsync(readable[2]);
        Assert.All(readable, topic => Assert.Contains(topic, topics));
        Assert.DoesNotContain(metrics, topics);
    }

    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task Dashboard_PublishMetricsOrState_Refused0x87AndCollectorGetsNothing(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var collectorInbox = new Received();
        var collector = await broker.ConnectAsync(null, collectorInbox.Handle);
        await collector.SubscribeAsync(Topic.AllRooms, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        var dashboard = await broker.ConnectAsAsync(broker.Dashboard);

        var metrics = Topic.Metrics(RoomA.Site, RoomA.Room, "stream");
        var state = Topic.State(RoomA.Site, RoomA.Room);
        var metricsRefused = await Assert.ThrowsAsync<MqttPublishException>(
            () => dashboard.PublishAsync(metrics, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait));
        var stateRefused = await Assert.ThrowsAsync<MqttPublishException>(
            () => dashboard.PublishAsync(state, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait));
        var checklist = Topic.Command(RoomA.Site, RoomA.Room, CommandName.Checklist);
        await dashboard.PublishAsync(checklist, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(0x87, metricsRefused.ReasonCode);
        Assert.Equal(0x87, stateRefused.ReasonCode);
        var topics = await collectorInbox.WaitForTopicAsync(checklist);
        Assert.DoesNotContain(metrics, topics);
        Assert.DoesNotContain(state, topics);
    }

    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task Sign_ReadsItsOwnRoomsDisplayStateStatus_NotAnotherRoomsDisplay(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var inbox = new Received();
        var sign = await broker.ConnectAsAsync(broker.Sign(RoomA), inbox.Handle);
        var allDisplays = Topic.Root + "/+/+/" + TopicChannel.Display;
        var subscribeAll = sign.SubscribeAsync(allDisplays, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        if (mode == BrokerSecurity.DynamicSecurityPlugin)
        {
            var refused = await Assert.ThrowsAsync<MqttSubscribeException>(() => subscribeAll);
            Assert.Equal(0x87, refused.ReasonCode);
        }
        else
        {
            // acl_file grants the SUBACK and filters every delivery of another room instead.
            await subscribeAll;
        }

        // What the firmware subscribes to (hardware/firmware/src/main.cpp), plus the room state.
        string[] own = [Topic.Status(RoomA.Site, RoomA.Room), Topic.State(RoomA.Site, RoomA.Room), Topic.Display(RoomA.Site, RoomA.Room)];
        foreach (var topic in own)
        {
            await sign.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        }

        var edgeA = await broker.ConnectAsync(RoomA);
        var edgeB = await broker.ConnectAsync(RoomB);
        var otherDisplay = Topic.Display(RoomB.Site, RoomB.Room);
        var ownMetrics = Topic.Metrics(RoomA.Site, RoomA.Room, "stream");
        await edgeB.PublishAsync(otherDisplay, Payload, MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        await edgeA.PublishAsync(ownMetrics, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);
        foreach (var topic in own)
        {
            await edgeA.PublishAsync(topic, Payload, MqttQos.AtLeastOnce, true, CancellationToken.None).WaitAsync(Wait);
        }

        var topics = await inbox.WaitForTopicAsync(own[^1]);
        Assert.All(own, topic => Assert.Contains(topic, topics));
        Assert.DoesNotContain(otherDisplay, topics);
        Assert.DoesNotContain(ownMetrics, topics);
    }

    [Theory]
    [InlineData(BrokerSecurity.PasswordAndAclFiles)]
    [InlineData(BrokerSecurity.DynamicSecurityPlugin)]
    public async Task Sign_PublishAnything_Refused0x87AndCollectorGetsNothing(BrokerSecurity mode)
    {
        await using var broker = await StartAsync(mode);
        var collectorInbox = new Received();
        var collector = await broker.ConnectAsync(null, collectorInbox.Handle);
        await collector.SubscribeAsync(Topic.AllRooms, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(Wait);
        var sign = await broker.ConnectAsAsync(broker.Sign(RoomA));

        // Its own room's channels (even the ones it reads), a command to its edge, and outside liveroom/v1.
        string[] attempts =
        [
            Topic.Display(RoomA.Site, RoomA.Room),
            Topic.Status(RoomA.Site, RoomA.Room),
            Topic.Events(RoomA.Site, RoomA.Room),
            Topic.Command(RoomA.Site, RoomA.Room, CommandName.Schedule),
            Topic.DeadLetter("test"),
        ];
        var codes = new List<int>();
        foreach (var topic in attempts)
        {
            var refused = await Assert.ThrowsAsync<MqttPublishException>(
                () => sign.PublishAsync(topic, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait));
            codes.Add(refused.ReasonCode);
        }

        var fromEdge = Topic.Checklist(RoomA.Site, RoomA.Room);
        var edgeA = await broker.ConnectAsync(RoomA);
        await edgeA.PublishAsync(fromEdge, Payload, MqttQos.AtLeastOnce, false, CancellationToken.None).WaitAsync(Wait);

        Assert.All(codes, code => Assert.Equal(0x87, code));
        var topics = await collectorInbox.WaitForTopicAsync(fromEdge);
        Assert.Equal([fromEdge], topics);
    }
}
