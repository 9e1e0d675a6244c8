using LiveRoom.Dashboard.Backup;

namespace LiveRoom.Dashboard.Tests.Backup;

/// <summary><c>Dashboard:Backup:*</c> checked when a command starts; each message names the key and what is allowed.</summary>
public sealed class BackupOptionsValidatorTests
{
    [Theory]
    [InlineData("127.0.0.1:8088")]
    [InlineData("influx.studio.example:18088")]
    [InlineData("[::1]:8088")]
    public void Validate_GoodRpcAddress_Succeeds(string rpc) =>
        Assert.True(new BackupOptionsValidator().Validate(null, new BackupOptions { InfluxRpc = rpc }).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1")]
    [InlineData(":8088")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:+80")]
    [InlineData("::1:8088")]
    [InlineData("http://127.0.0.1:8088")]
    public void Validate_BadRpcAddress_NamesTheKey(string rpc)
    {
        var result = new BackupOptionsValidator().Validate(null, new BackupOptions { InfluxRpc = rpc });

        Assert.Equal([$"Dashboard:Backup:InfluxRpc '{rpc}' must be HOST:PORT with a port 1 to 65535, e.g. 127.0.0.1:8088 (influxd's bind-address)"], result.Failures);
    }

    [Fact]
    public void Validate_TimeoutOutOfRangeAndNoProgram_BothNamed()
    {
        var result = new BackupOptionsValidator().Validate(null, new BackupOptions { InfluxTimeout = TimeSpan.FromSeconds(30), Influxd = " " });

        Assert.Equal(
            ["Dashboard:Backup:Influxd is empty; give the influxd program, default influxd", "Dashboard:Backup:InfluxTimeout is 00:00:30; allowed is 00:01:00 to 1.00:00:00"],
            result.Failures);
    }
}
