using LiveRoom.Probe.Obs;
using Microsoft.Extensions.Configuration;

namespace LiveRoom.Probe.Tests.Obs;

public sealed class ObsOptionsTests
{
    private static List<string> Failures(ObsOptions o)
    {
        var failures = new List<string>();
        ObsOptionsValidation.Validate(o, failures);
        return failures;
    }

    [Fact]
    public void Bind_ProbeObsSection_UrlPasswordAndDurations()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Probe:Obs:Url"] = "ws://127.0.0.1:4455",
            ["Probe:Obs:Password"] = "pw",
            ["Probe:Obs:PollInterval"] = "00:00:02",
            ["Probe:Obs:NetworkDropThresholdPercent"] = "2.5",
        }).Build();

        var o = config.GetSection("Probe:Obs").Get<ObsOptions>()!;

        Assert.True(o.Enabled);
        Assert.Equal(("ws://127.0.0.1:4455", "pw", TimeSpan.FromSeconds(2), 2.5), (o.Url, o.Password, o.PollInterval, o.NetworkDropThresholdPercent));
        Assert.Equal(ObsDefaults.RequestTimeout, o.RequestTimeout);
    }

    [Fact]
    public void Validate_DefaultsAndDisabled_Succeed()
    {
        Assert.Empty(Failures(new ObsOptions()));
        Assert.Empty(Failures(new ObsOptions { Url = "ws://studio-pc:4455" }));
    }

    [Theory]
    [InlineData("http://127.0.0.1:4455", "Probe:Obs:Url")]
    [InlineData("127.0.0.1:4455", "Probe:Obs:Url")]
    public void Validate_BadUrl_NamesKey(string url, string key) =>
        Assert.Contains(Failures(new ObsOptions { Url = url }), f => f.StartsWith(key, StringComparison.Ordinal));

    [Fact]
    public void Validate_OutOfRange_NamesKeyRangeAndDefault()
    {
        var failures = Failures(new ObsOptions { PollInterval = TimeSpan.Zero, NetworkDropThresholdPercent = 150, ReconnectMinDelay = TimeSpan.FromMinutes(5) });

        Assert.Contains("Probe:Obs:PollInterval is 00:00:00; allowed 00:00:00.1000000 to 00:01:00, default 00:00:01", failures);
        Assert.Contains("Probe:Obs:NetworkDropThresholdPercent is 150; allowed 0 to 100, default 1", failures);
        Assert.Contains(failures, f => f.StartsWith("Probe:Obs:ReconnectMinDelay", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_NeverShowsThePassword()
    {
        var text = new ObsOptions { Url = "ws://pc:4455", Password = "hunter2" }.ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("ws://pc:4455", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_IntoDefaultInstanceHeldByAParentOptionsClass_AsProbeOptionsWillHoldIt()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Probe:Obs:Url"] = "ws://127.0.0.1:4455",
            ["Probe:Obs:ReconnectMaxDelay"] = "00:01:00",
        }).Build();
        var parent = new Parent();

        config.GetSection("Probe").Bind(parent);

        Assert.Equal("ws://127.0.0.1:4455", parent.Obs.Url);
        Assert.Equal(TimeSpan.FromMinutes(1), parent.Obs.ReconnectMaxDelay);
        Assert.Equal(ObsDefaults.PollInterval, parent.Obs.PollInterval);
    }

    private sealed class Parent
    {
        public ObsOptions Obs { get; set; } = new();
    }
}
