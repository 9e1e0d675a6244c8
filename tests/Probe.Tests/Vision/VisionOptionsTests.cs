using LiveRoom.Probe.Vision;

namespace LiveRoom.Probe.Tests.Vision;

public sealed class VisionOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(new VisionOptions().Validate());

    [Fact]
    public void Validate_OutOfRange_NamesKeyRangeAndDefault()
    {
        var failures = new VisionOptions { MinCoveragePercent = 120, MaxShiftPercent = double.NaN }.Validate("Rooms:0:Vision");

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Rooms:0:Vision:MinCoveragePercent is 120; allowed 0 to 100, default 98", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Rooms:0:Vision:MaxShiftPercent", StringComparison.Ordinal));
    }
}
