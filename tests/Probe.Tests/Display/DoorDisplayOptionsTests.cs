using LiveRoom.Probe.Display;

namespace LiveRoom.Probe.Tests.Display;

public sealed class DoorDisplayOptionsTests
{
    [Fact]
    public void Validate_Defaults_ValidAndOnPort8090()
    {
        var options = new DoorDisplayOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("http://0.0.0.0:8090", options.Url);
        Assert.True(options.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(15), options.HeartbeatInterval);
    }

    [Fact]
    public void Validate_EmptyUrl_OffAndValid()
    {
        var options = new DoorDisplayOptions { Url = " " };

        Assert.False(options.Enabled);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("8090", "Probe:Display:Url '8090' is not a valid URL")]
    [InlineData("https://0.0.0.0:8443", "Probe:Display:Url 'https://0.0.0.0:8443' is not a valid URL")]
    [InlineData("http://0.0.0.0:8090/door", "Probe:Display:Url 'http://0.0.0.0:8090/door' has a path")]
    public void Validate_BadUrl_NamesKey(string url, string message)
    {
        var failure = Assert.Single(new DoorDisplayOptions { Url = url }.Validate());

        Assert.StartsWith(message, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeartbeatOutOfRange_NamesKeyAndRange()
    {
        var failure = Assert.Single(new DoorDisplayOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(10) }.Validate());

        Assert.Equal("Probe:Display:HeartbeatInterval is 00:00:00.0100000; allowed 00:00:01 to 00:05:00, default 00:00:15", failure);
    }
}
