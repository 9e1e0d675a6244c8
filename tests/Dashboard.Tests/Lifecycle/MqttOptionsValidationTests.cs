using LiveRoom.Dashboard.Options;

namespace LiveRoom.Dashboard.Tests.Lifecycle;

/// <summary><c>Dashboard:Mqtt:*</c> and <c>Dashboard:ImportHorizon</c> are checked at start, naming the key and the allowed range.</summary>
public sealed class MqttOptionsValidationTests
{
    [Fact]
    public void Validate_MqttOffByDefault_Succeeds()
    {
        var options = new DashboardOptions { Influx = { Url = "http://127.0.0.1:8086" } };

        Assert.False(options.Mqtt.Enabled);
        Assert.True(new DashboardOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadMqttSettings_EachNamedWithItsRange()
    {
        var options = new DashboardOptions
        {
            Influx = { Url = "http://127.0.0.1:8086" },
            Mqtt = { Host = "broker", Port = 70000, ClientId = "wall/1", Password = "secret", PublishTimeout = TimeSpan.Zero, CaFile = "/nonexistent/ca.pem" },
            ImportHorizon = TimeSpan.FromDays(1000),
        };

        var result = new DashboardOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Dashboard:ImportHorizon is 1000.00:00:00; allowed is 1.00:00:00 to 366.00:00:00",
                "Dashboard:Mqtt:Port is 70000; allowed is 1 to 65535",
                "Dashboard:Mqtt:PublishTimeout is 00:00:00; allowed is 00:00:01 to 00:02:00",
                "Dashboard:Mqtt:ClientId 'wall/1' contains '/', '+' or '#': the dashboard announces itself on liveroom-sys/v1/dashboard/instances/<client id>, which must be one topic level",
                "Dashboard:Mqtt:Password is set but Dashboard:Mqtt:Username is not",
                "Dashboard:Mqtt:CaFile '/nonexistent/ca.pem' does not exist",
            ],
            result.Failures!);
    }
}
