using System.Text;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;

namespace LiveRoom.Contracts.Tests.Payloads;

/// <summary>Each collector's retained presence in a primary/standby group: written by its lease session, read by the dashboard.</summary>
public sealed class CollectorPresenceTests
{
    [Fact]
    public void ToJson_ReadBackOnItsOwnTopic_SamePresence()
    {
        var presence = new CollectorPresence(CollectorPresence.Standby, "collector-b", 1_795_000_000_000);

        var read = CollectorPresence.Parse(Topic.CollectorInstance("collector-b"), presence.ToJson(), out var reason);

        Assert.Equal(presence, read);
        Assert.Empty(reason);
        Assert.Equal("liveroom-sys/v1/collector/instances/collector-b", Topic.CollectorInstance("collector-b"));
    }

    [Theory]
    [InlineData("b", """{"role":"standby","instance":"a","ts":1}""", "instance 'a' differs from the topic's 'b'")]
    [InlineData("b", """{"role":"leader","instance":"b","ts":1}""", "role 'leader' is not one of standby, active, dead, stopped")]
    [InlineData("b", """{"instance":"b"}""", "role '(none)' is not one of standby, active, dead, stopped")]
    [InlineData("b", """[1]""", "role '(none)' is not one of standby, active, dead, stopped")]
    [InlineData("b", """{"role":"standby" """, "not valid JSON")]
    public void Parse_Unsound_NullWithTheReason(string instance, string json, string expected)
    {
        var read = CollectorPresence.Parse(Topic.CollectorInstance(instance), Encoding.UTF8.GetBytes(json), out var reason);

        Assert.Null(read);
        Assert.StartsWith(expected, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("+")]
    [InlineData("#")]
    public void CollectorInstance_NotATopicLevel_Throws(string instance)
    {
        var ex = Assert.Throws<ArgumentException>(() => Topic.CollectorInstance(instance));

        Assert.Contains("cannot be a topic level", ex.Message, StringComparison.Ordinal);
    }
}
