using System.Text;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;

namespace LiveRoom.Contracts.Tests.Payloads;

/// <summary>A service's retained presence (decision 0026): a dashboard's (read by the watchdog), a watchdog's (read by the active collector).</summary>
public sealed class ServicePresenceTests
{
    [Theory]
    [InlineData(ServicePresence.Online)]
    [InlineData(ServicePresence.Stopped)]
    [InlineData(ServicePresence.Dead)]
    public void ToJson_ReadBackOnItsOwnTopic_SamePresence(string state)
    {
        var presence = new ServicePresence(state, "liveroom-dashboard", 1_795_000_000_000);

        var read = ServicePresence.Parse(Topic.DashboardInstancePrefix, Topic.DashboardInstance("liveroom-dashboard"), presence.ToJson(), out var reason);

        Assert.Equal(presence, read);
        Assert.Empty(reason);
        Assert.Equal("liveroom-sys/v1/dashboard/instances/liveroom-dashboard", Topic.DashboardInstance("liveroom-dashboard"));
    }

    [Fact]
    public void Parse_AWatchdogsOnItsTopic_ButNotUnderTheDashboardPrefix()
    {
        var presence = new ServicePresence(ServicePresence.Online, "collector-watchdog", 5).ToJson();
        var topic = Topic.WatchdogInstance("collector-watchdog");

        Assert.Equal("liveroom-sys/v1/collector/watchdogs/collector-watchdog", topic);
        Assert.Equal(ServicePresence.Online, ServicePresence.Parse(Topic.WatchdogInstancePrefix, topic, presence, out _)!.State);
        Assert.Null(ServicePresence.Parse(Topic.DashboardInstancePrefix, topic, presence, out var reason));
        Assert.Equal("instance 'collector-watchdog' differs from the topic's '(none)'", reason);
    }

    [Theory]
    [InlineData("""{"state":"online","instance":"a","ts":1}""", "instance 'a' differs from the topic's 'b'")]
    [InlineData("""{"state":"standby","instance":"b","ts":1}""", "state 'standby' is not one of online, stopped, dead")]
    [InlineData("""{"role":"online","instance":"b"}""", "state '(none)' is not one of online, stopped, dead")]
    [InlineData("""{"state":"online","ts":1}""", "instance '(none)' differs from the topic's 'b'")]
    [InlineData("""{"state":"online" """, "not valid JSON")]
    public void Parse_Unsound_NullWithTheReason(string json, string expected)
    {
        var read = ServicePresence.Parse(Topic.DashboardInstancePrefix, Topic.DashboardInstance("b"), Encoding.UTF8.GetBytes(json), out var reason);

        Assert.Null(read);
        Assert.StartsWith(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ACollectorsPresence_IsNotADashboards()
    {
        var collector = new CollectorPresence(CollectorPresence.Active, "b", 1).ToJson();

        Assert.Null(ServicePresence.Parse(Topic.DashboardInstancePrefix, Topic.DashboardInstance("b"), collector, out var reason));
        Assert.Equal("state '(none)' is not one of online, stopped, dead", reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("wall+")]
    [InlineData("#")]
    public void DashboardInstance_NotATopicLevel_Throws(string instance)
    {
        var ex = Assert.Throws<ArgumentException>(() => Topic.DashboardInstance(instance));

        Assert.Contains("dashboard instance", ex.Message, StringComparison.Ordinal);
        Assert.False(Topic.IsTopicLevel(instance));
    }
}
