using LiveRoom.Probe.HostHealth;
using Microsoft.Extensions.Configuration;

namespace LiveRoom.Probe.Tests.HostHealth;

public sealed class HostHealthOptionsTests
{
    private static List<string> Failures(HostHealthOptions o)
    {
        var failures = new List<string>();
        HostHealthOptionsValidation.Validate(o, failures);
        return failures;
    }

    [Fact]
    public void Bind_ProbeHostSection()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Probe:Host:SampleInterval"] = "00:00:10",
            ["Probe:Host:RecordingPath"] = "/srv/recordings",
        }).Build();

        var o = config.GetSection("Probe:Host").Get<HostHealthOptions>()!;

        Assert.Equal((TimeSpan.FromSeconds(10), "/srv/recordings"), (o.SampleInterval, o.RecordingPath));
        Assert.Empty(Failures(o));
    }

    [Fact]
    public void Validate_RelativePathAndTooShortInterval_NameTheirKeys()
    {
        var failures = Failures(new HostHealthOptions { RecordingPath = "recordings", SampleInterval = TimeSpan.FromMilliseconds(10) });

        Assert.Contains(failures, f => f.StartsWith("Probe:Host:RecordingPath", StringComparison.Ordinal));
        Assert.Contains("Probe:Host:SampleInterval is 00:00:00.0100000; allowed 00:00:01 to 01:00:00, default 00:00:05", failures);
    }
}
