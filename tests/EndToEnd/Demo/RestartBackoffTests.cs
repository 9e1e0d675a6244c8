using LiveRoom.Demo.Supervision;

namespace LiveRoom.EndToEnd.Demo;

public sealed class RestartBackoffTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Healthy = TimeSpan.FromMinutes(5);

    [Fact]
    public void OnExit_QuickFailures_DoublesFromOneSecondUpToThirty()
    {
        var backoff = new RestartBackoff(giveUpOnConfigurationError: false, giveUpAfterQuickFailures: false);

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.OnExit(Quick, 1).Delay.TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public void OnExit_AfterHealthyRun_StartsAgainFromOneSecond()
    {
        var backoff = new RestartBackoff(false, false);
        backoff.OnExit(Quick, 1);
        backoff.OnExit(Quick, 1);

        var decision = backoff.OnExit(Healthy, 1);

        Assert.Equal((true, TimeSpan.FromSeconds(1)), (decision.Restart, decision.Delay));
    }

    [Fact]
    public void OnExit_CoreServiceSixthQuickFailure_GivesUp()
    {
        var backoff = new RestartBackoff(false, giveUpAfterQuickFailures: true);
        var first5 = Enumerable.Range(0, 5).Select(_ => backoff.OnExit(Quick, 1)).ToList();

        var sixth = backoff.OnExit(Quick, 1);

        Assert.All(first5, d => Assert.True(d.Restart));
        Assert.False(sixth.Restart);
        Assert.Contains("5 times in a row", sixth.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void OnExit_ServiceConfigurationError_GivesUpAtOnce(int exitCode)
    {
        var decision = new RestartBackoff(giveUpOnConfigurationError: true, giveUpAfterQuickFailures: false).OnExit(Healthy, exitCode);

        Assert.False(decision.Restart);
        Assert.Contains("configuration", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnExit_EncoderExitCode2_IsRestarted()
    {
        var decision = new RestartBackoff(giveUpOnConfigurationError: false, giveUpAfterQuickFailures: false).OnExit(Quick, 2);

        Assert.True(decision.Restart);
    }
}
