using LiveRoom.Probe.Network;
using Microsoft.Extensions.Configuration;

namespace LiveRoom.Probe.Tests.Network;

public sealed class NetworkOptionsTests
{
    private static List<string> Failures(NetworkOptions o)
    {
        var failures = new List<string>();
        NetworkOptionsValidation.Validate(o, failures);
        return failures;
    }

    [Fact]
    public void Bind_ProbeNetworkSection()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Probe:Network:Interface"] = "enp3s0",
            ["Probe:Network:IngestHost"] = "collector.example.org",
            ["Probe:Network:IngestPort"] = "8883",
            ["Probe:Network:UplinkUrl"] = "https://collector.example.org/uplink",
            ["Probe:Network:MinUplinkMbps"] = "4.5",
        }).Build();

        var o = config.GetSection("Probe:Network").Get<NetworkOptions>()!;

        Assert.Equal(("enp3s0", "collector.example.org", 8883, 4.5), (o.Interface, o.IngestHost, o.IngestPort, o.MinUplinkMbps));
        Assert.Empty(Failures(o));
    }

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.Empty(Failures(new NetworkOptions()));

    [Fact]
    public void Validate_BadValues_EachNamesItsKey()
    {
        var failures = Failures(new NetworkOptions
        {
            Interface = "eth0; rm -rf /",
            IngestHost = "bad host!",
            IngestPort = 0,
            UplinkUrl = "ftp://x/",
            RttAttempts = 10,
            RttTimeout = TimeSpan.FromSeconds(1),
            UplinkTestDuration = TimeSpan.FromMinutes(5),
        });

        foreach (var key in new[] { "Interface", "IngestHost", "IngestPort", "UplinkUrl", " RttAttempts x RttTimeout", "UplinkTestDuration" })
        {
            Assert.Contains(failures, f => f.StartsWith("Probe:Network:" + key, StringComparison.Ordinal));
        }
    }
}
