using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Security;

/// <summary>Per-address brute-force limit: 20 failures within 15 min block the address for 15 min.</summary>
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() =>
        _throttle = new LoginThrottle(Microsoft.Extensions.Options.Options.Create(new DashboardOptions()), _time);

    [Fact]
    public void RecordFailure_TwentiethWithinWindow_BlocksThatAddressOnly()
    {
        for (var i = 1; i < DashboardDefaults.MaxFailuresPerIp; i++)
        {
            Assert.False(_throttle.RecordFailure("10.0.0.1"));
        }

        Assert.True(_throttle.RecordFailure("10.0.0.1"));
        Assert.True(_throttle.IsBlocked("10.0.0.1"));
        Assert.False(_throttle.IsBlocked("10.0.0.2"));

        _time.Advance(DashboardDefaults.LockoutDuration + TimeSpan.FromSeconds(1));
        Assert.False(_throttle.IsBlocked("10.0.0.1"));
    }

    [Fact]
    public void RecordFailure_SpreadBeyondWindow_NeverBlocks()
    {
        for (var i = 0; i < 3 * DashboardDefaults.MaxFailuresPerIp; i++)
        {
            Assert.False(_throttle.RecordFailure("10.0.0.1"));
            _time.Advance(TimeSpan.FromMinutes(1));
        }
    }
}
