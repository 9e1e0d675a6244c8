using LiveRoom.Probe.Vision;

namespace LiveRoom.Probe.Tests.Vision;

/// <summary>The evidence keys of <c>Probe:Vision</c>: defaults valid, out-of-range values named with their range.</summary>
public sealed class EvidenceOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoFailure() => Assert.Empty(new VisionOptions().Validate("Probe:Vision"));

    [Fact]
    public void Validate_OutOfRange_EachKeyNamed()
    {
        var failures = new VisionOptions { ThumbnailInterval = TimeSpan.FromSeconds(5), ThumbnailQuality = 40, EvidenceMaxMegabytes = 0 }.Validate("Probe:Vision");

        Assert.Contains(failures, f => f.StartsWith("Probe:Vision:ThumbnailInterval is 00:00:05; allowed 00:00:30 to 1.00:00:00", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Probe:Vision:ThumbnailQuality is 40; allowed 2 to 31", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Probe:Vision:EvidenceMaxMegabytes is 0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(301)]
    public void Validate_PublishTimeoutOutOfRange_KeyAndRangeNamed(double seconds)
    {
        var failures = new VisionOptions { ThumbnailPublishTimeout = TimeSpan.FromSeconds(seconds) }.Validate("Probe:Vision");

        var failure = Assert.Single(failures);
        Assert.StartsWith("Probe:Vision:ThumbnailPublishTimeout is ", failure, StringComparison.Ordinal);
        Assert.EndsWith("allowed 00:00:01 to 00:05:00, default 00:00:10", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveEvidenceDirectory_Empty_UnderTheReferenceDirectory()
    {
        Assert.Equal(Path.Combine("/state/reference/demo-r1", "evidence"), new VisionOptions().ResolveEvidenceDirectory("/state/reference/demo-r1"));
        Assert.Equal("/data/evidence", new VisionOptions { EvidenceDirectory = "/data/evidence" }.ResolveEvidenceDirectory("/state/reference/demo-r1"));
    }
}
