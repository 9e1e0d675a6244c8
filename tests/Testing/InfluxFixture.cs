using LiveRoom.Runtime.Services;
using Xunit;

namespace LiveRoom.Testing;

/// <summary>xUnit class fixture: one influxd shared by the tests of a class (use a distinct database per test).</summary>
public sealed class InfluxFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("influx");

    public InfluxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await InfluxServer.StartAsync(new InfluxServerOptions { DataDirectory = _dir.Path }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}
