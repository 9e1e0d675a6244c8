using System.Net;
using LiveRoom.Runtime.Processes;
using LiveRoom.Runtime.Services;
using LiveRoom.Testing;

namespace LiveRoom.Runtime.Tests.Services;

public sealed class ServicesTests
{
    [Fact]
    public async Task MosquittoServer_Start_AcceptsConnectionsAndStopsCleanly()
    {
        var (server, dir) = await LiveRoom.Testing.Services.StartMosquittoAsync();
        using (dir)
        {
            Assert.True(await FreePort.IsListeningAsync(server.Port, CancellationToken.None));
            var pid = server.ProcessId;
            await server.StopAsync(CancellationToken.None);
            Assert.False(File.Exists($"/proc/{pid}/status") && !File.ReadAllText($"/proc/{pid}/status").Contains("zombie", StringComparison.Ordinal));
            Assert.False(await FreePort.IsListeningAsync(server.Port, CancellationToken.None));
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task MosquittoServer_KillThenRestart_ListensOnSamePort()
    {
        var (server, dir) = await LiveRoom.Testing.Services.StartMosquittoAsync();
        using (dir)
        await using (server)
        {
            server.Kill();
            await Eventually.WaitAsync(async () => await FreePort.IsListeningAsync(server.Port, CancellationToken.None), up => !up, TimeSpan.FromSeconds(10), "broker to go down");
            await server.RestartAsync(CancellationToken.None);
            Assert.True(await FreePort.IsListeningAsync(server.Port, CancellationToken.None));
        }
    }

    [Fact]
    public async Task MosquittoServer_PortInUse_FailsWithBrokerMessage()
    {
        var (first, dir) = await LiveRoom.Testing.Services.StartMosquittoAsync();
        using (dir)
        await using (first)
        {
            using var dir2 = new TempDirectory("mqtt2");
            var ex = await Assert.ThrowsAsync<ProcessFailedException>(() =>
                MosquittoServer.StartAsync(new MosquittoServerOptions { DataDirectory = dir2.Path, Port = first.Port }, CancellationToken.None));
            Assert.Contains("mosquitto", ex.Message, StringComparison.Ordinal);
            Assert.Contains("already in use", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InfluxServer_Start_AnswersPingAndQueries()
    {
        var (server, dir) = await LiveRoom.Testing.Services.StartInfluxAsync();
        using (dir)
        await using (server)
        {
            using var http = new HttpClient { BaseAddress = server.BaseUri };
            using var ping = await http.GetAsync(new Uri("ping", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NoContent, ping.StatusCode);
            using var create = await http.PostAsync(new Uri("query?q=CREATE+DATABASE+smoke", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, create.StatusCode);
            using var write = await http.PostAsync(new Uri("write?db=smoke", UriKind.Relative), new StringContent("m,room=a v=1 1700000000000000000"));
            Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);
            var body = await http.GetStringAsync(new Uri("query?db=smoke&q=SELECT+count(v)+FROM+m", UriKind.Relative));
            Assert.Contains("[[\"1970-01-01T00:00:00Z\",1]]", body, StringComparison.Ordinal);
        }
    }
}
