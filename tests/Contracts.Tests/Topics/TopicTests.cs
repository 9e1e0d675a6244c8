using LiveRoom.Contracts.Topics;

namespace LiveRoom.Contracts.Tests.Topics;

public sealed class TopicTests
{
    [Fact]
    public void Builders_ValidIds_ProduceDocumentedTopics()
    {
        Assert.Equal("liveroom/v1/sh-01/room-3/metrics/stream", Topic.Metrics("sh-01", "room-3", "stream"));
        Assert.Equal("liveroom/v1/sh-01/room-3/events", Topic.Events("sh-01", "room-3"));
        Assert.Equal("liveroom/v1/sh-01/room-3/status", Topic.Status("sh-01", "room-3"));
        Assert.Equal("liveroom/v1/sh-01/room-3/ack", Topic.Ack("sh-01", "room-3"));
        Assert.Equal("liveroom/v1/sh-01/room-3/cmd/schedule", Topic.Command("sh-01", "room-3", "schedule"));
        Assert.Equal("liveroom/v1/sh-01/room-3/cmd/#", Topic.AllCommands("sh-01", "room-3"));
        Assert.Equal("liveroom-sys/v1/deadletter/bad-json", Topic.DeadLetter("bad-json"));
    }

    [Theory]
    [InlineData("room/1")]
    [InlineData("room+")]
    [InlineData("#")]
    [InlineData("")]
    [InlineData("room 1")]
    [InlineData("room,1")]
    [InlineData("-room")]
    [InlineData("房间1")]
    public void Builders_InvalidRoom_ThrowWithReason(string room)
    {
        var ex = Assert.Throws<ArgumentException>(() => Topic.Metrics("site", room, "stream"));
        Assert.Equal("room", ex.ParamName);
    }

    [Fact]
    public void TryParse_RoomTopic_SplitsParts()
    {
        Assert.True(ParsedTopic.TryParse("liveroom/v1/s1/r1/metrics/stream", out var parsed, out _));
        Assert.Equal(new ParsedTopic("s1", "r1", "metrics", "stream"), parsed);
        Assert.True(ParsedTopic.TryParse("liveroom/v1/s1/r1/events", out parsed, out _));
        Assert.Equal(new ParsedTopic("s1", "r1", "events", null), parsed);
    }

    [Theory]
    [InlineData("liveroom/v2/s/r/events", "not of the form")]
    [InlineData("liveroom/v1/s/r", "not of the form")]
    [InlineData("liveroom/v1/s/r/a/b/c", "levels")]
    [InlineData("liveroom/v1/s s/r/events", "contains")]
    [InlineData("other/v1/s/r/events", "not of the form")]
    public void TryParse_BadTopic_GivesReason(string topic, string expected)
    {
        Assert.False(ParsedTopic.TryParse(topic, out _, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Identifier_TooLong_Refused()
    {
        Assert.False(Identifier.IsValid(new string('a', 65), out var reason));
        Assert.Contains("at most 64", reason, StringComparison.Ordinal);
        Assert.True(Identifier.IsValid(new string('a', 64)));
    }

    [Fact]
    public void Identifier_ControlCharacter_NamedInReason()
    {
        Assert.False(Identifier.IsValid("room\n1", out var reason));
        Assert.Contains("\\u000a", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "identifier is empty", "标识为空")]
    [InlineData("-room", "identifier '-room' must start with a letter or digit", "标识“-room”必须以字母或数字开头")]
    [InlineData("room/1", "identifier 'room/1' contains '/'; allowed are letters, digits, '-', '_' and '.'", "标识“room/1”含有“/”；只允许字母、数字、“-”、“_”和“.”")]
    public void Identifier_Check_ReasonInBothLanguages(string value, string english, string chinese)
    {
        Assert.Equal(new LiveRoom.Contracts.Text.LocalText(english, chinese), Identifier.Check(value));
        Assert.False(Identifier.IsValid(value, out var reason));
        Assert.Equal(english, reason);
        Assert.Null(Identifier.Check("room-1"));
    }
}
