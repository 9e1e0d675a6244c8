using LiveRoom.Probe.Network;

namespace LiveRoom.Probe.Tests.Network;

public sealed class UplinkVerdictTests
{
    [Theory]
    [InlineData(null, null, VerdictLevel.Fail)]
    [InlineData(3.99, null, VerdictLevel.Fail)]
    [InlineData(4.0, null, VerdictLevel.Pass)]
    [InlineData(4.2, 4_500_000.0, VerdictLevel.Fail)]
    [InlineData(5.0, 4_500_000.0, VerdictLevel.Warn)]
    [InlineData(5.625, 4_500_000.0, VerdictLevel.Pass)]
    [InlineData(20.0, 4_500_000.0, VerdictLevel.Pass)]
    public void Evaluate_AgainstFourMbitAndStreamPlusHeadroom(double? uplinkMbps, double? streamBps, VerdictLevel expected)
    {
        var verdict = UplinkVerdict.Evaluate(uplinkMbps, streamBps);

        Assert.Equal(expected, verdict.Level);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
    }

    [Fact]
    public void Evaluate_BelowHeadroom_ReasonNamesTheNumbers()
    {
        var verdict = UplinkVerdict.Evaluate(5.0, 4_500_000);

        Assert.Equal("uplink 5 Mbit/s is below the stream's 4.5 Mbit/s + 25 % headroom (5.63 Mbit/s)", verdict.Reason);
    }
}
