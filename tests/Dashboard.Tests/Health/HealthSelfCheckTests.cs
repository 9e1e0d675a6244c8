using LiveRoom.Dashboard.Health;

namespace LiveRoom.Dashboard.Tests.Health;

/// <summary>Decision 0028: the dashboard's liveness check asks its own first TCP listener, a wildcard one on loopback.</summary>
public sealed class HealthSelfCheckTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/healthz")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("https://localhost:8443", "https://localhost:8443/healthz")]
    public void Target_ListenerAddress_HealthzOnLoopback(string address, string expected) =>
        Assert.Equal(new Uri(expected), HealthSelfCheck.Target([address]));

    [Fact]
    public void Target_UnixSocketFirst_TheNextTcpListener() =>
        Assert.Equal(new Uri("http://127.0.0.1:5000/healthz"), HealthSelfCheck.Target(["http://unix:/run/liveroom/dashboard.sock", "http://127.0.0.1:5000"]));

    [Fact]
    public void Target_NotListeningYet_NothingToAsk()
    {
        Assert.Null(HealthSelfCheck.Target(null));
        Assert.Null(HealthSelfCheck.Target([]));
        Assert.Null(HealthSelfCheck.Target(["http://unix:/run/liveroom/dashboard.sock"]));
    }
}
