using LiveRoom.Probe.Network;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Network;

public sealed class ClockOffsetEstimatorTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Compute_ServerAhead500msSymmetric20msPaths_Offset500Delay40()
    {
        // Request leaves at t0, takes 20 ms; server (500 ms ahead) holds it 5 ms; reply takes 20 ms.
        var t0 = _time.GetUtcNow();
        var t1 = t0.AddMilliseconds(20 + 500);
        var t2 = t1.AddMilliseconds(5);
        var t3 = t0.AddMilliseconds(45);

        var sample = ClockOffsetEstimator.Compute(t0, t1, t2, t3);

        Assert.Equal(TimeSpan.FromMilliseconds(500), sample.Offset);
        Assert.Equal(TimeSpan.FromMilliseconds(40), sample.Delay);
    }

    [Fact]
    public void Current_SeveralSamples_TheOneWithSmallestDelayWins()
    {
        var estimator = new ClockOffsetEstimator(_time);
        var t0 = _time.GetUtcNow();

        // Queued exchange (asymmetric: 300 ms out, 10 ms back) misleads; the quick one does not.
        estimator.Add(t0, t0.AddMilliseconds(300 - 1000), t0.AddMilliseconds(310));
        estimator.Add(t0, t0.AddMilliseconds(10 - 1000), t0.AddMilliseconds(20));

        Assert.Equal(TimeSpan.FromMilliseconds(-1000), estimator.Current?.Offset);
    }

    [Fact]
    public void Current_NoSampleOrOnlyStaleOnes_Null()
    {
        var estimator = new ClockOffsetEstimator(_time);
        Assert.Null(estimator.Current);
        var t0 = _time.GetUtcNow();
        estimator.Add(t0, t0.AddMilliseconds(5), t0.AddMilliseconds(10));

        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(estimator.Current);
    }
}
