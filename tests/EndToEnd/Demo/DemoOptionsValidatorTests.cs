using LiveRoom.Demo.Options;

namespace LiveRoom.EndToEnd.Demo;

public sealed class DemoOptionsValidatorTests
{
    [Theory]
    [InlineData(0, "demo", "--rooms (Demo:Rooms) is 0; allowed is 1 to 20")]
    [InlineData(21, "demo", "--rooms (Demo:Rooms) is 21; allowed is 1 to 20")]
    [InlineData(3, "demo site", "--site (Demo:Site)")]
    public void Validate_Bad_NamesSwitch(int rooms, string site, string expected)
    {
        var result = new DemoOptionsValidator().Validate(null, new DemoOptions { Rooms = rooms, Site = site });

        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new DemoOptionsValidator().Validate(null, new DemoOptions()).Succeeded);
}
