using LiveRoom.Runtime.Services;
using Xunit;

namespace LiveRoom.Testing;

/// <summary>xUnit class fixture: one anonymous-access broker shared by the tests of a class.</summary>
public sealed class MosquittoFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("mqtt");

    public MosquittoServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = _dir.Path }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}
