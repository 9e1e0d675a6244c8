using LiveRoom.Runtime.Services;

namespace LiveRoom.Testing;

/// <summary>Starts real services in a temp dir for one test; dispose stops them and removes the dir.</summary>
public static class Services
{
    public static async Task<(MosquittoServer Server, TempDirectory Dir)> StartMosquittoAsync(Func<string, MosquittoServerOptions>? configure = null)
    {
        var dir = new TempDirectory("mqtt");
        var options = configure?.Invoke(dir.Path) ?? new MosquittoServerOptions { DataDirectory = dir.Path };
        var server = await MosquittoServer.StartAsync(options, CancellationToken.None);
        return (server, dir);
    }

    public static async Task<(InfluxServer Server, TempDirectory Dir)> StartInfluxAsync()
    {
        var dir = new TempDirectory("influx");
        var server = await InfluxServer.StartAsync(new InfluxServerOptions { DataDirectory = dir.Path }, CancellationToken.None);
        return (server, dir);
    }
}
