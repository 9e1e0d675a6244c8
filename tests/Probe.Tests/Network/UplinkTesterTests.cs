using LiveRoom.Contracts.Uplink;
using LiveRoom.Probe.Network;
using LiveRoom.Probe.Tests.Obs;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Network;

/// <summary>The uplink test against a real loopback HTTP server hosting <see cref="UplinkSink"/>.</summary>
[FailOnUnobservedTaskException]
public sealed class UplinkTesterTests : IAsyncLifetime
{
    private readonly HttpClient _http = UplinkTester.CreateHttpClient();
    private UplinkHttpServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new UplinkHttpServer(clockAhead: TimeSpan.FromSeconds(2));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Run_LoopbackServer_MbpsIsAcknowledgedBytesOverServerSeconds_AndClockSampled()
    {
        var tester = new UplinkTester(_http, TimeProvider.System);

        var result = await tester.RunAsync(_server.Endpoint, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        Assert.True(result.BytesSent > 0);
        Assert.Equal(result.BytesSent, result.BytesAcknowledged);
        Assert.Equal(result.BytesAcknowledged * 8 / result.ServerSeconds / 1e6, result.Mbps!.Value, 6);
        Assert.NotNull(result.Clock);
    }

    [Fact]
    public async Task ExchangeTime_ServerClockTwoSecondsAhead_OffsetWithinHalfTheDelay()
    {
        var clock = new ClockOffsetEstimator(TimeProvider.System);
        var tester = new UplinkTester(_http, TimeProvider.System);

        for (var i = 0; i < 3; i++)
        {
            clock.Add((await tester.ExchangeTimeAsync(_server.Endpoint, TimeSpan.FromSeconds(10), CancellationToken.None))!.Value);
        }

        var best = clock.Current!.Value;

        // serverTime has millisecond resolution: allow 1 ms beyond the NTP error bound of delay/2.
        Assert.InRange(best.Offset.TotalMilliseconds, 2000 - (best.Delay.TotalMilliseconds / 2) - 1, 2000 + (best.Delay.TotalMilliseconds / 2) + 1);
        Assert.Equal(3, _server.Requests);
    }

    [Fact]
    public async Task Run_ServerAnswers500_FailedResultNotException()
    {
        _server.FailWith = 500;
        var tester = new UplinkTester(_http, TimeProvider.System);

        var result = await tester.RunAsync(_server.Endpoint, TimeSpan.FromMilliseconds(100), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Contains("HTTP 500", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CollectorBusy_WaitsAsToldThenMeasures()
    {
        _server.BusyFor = 2;
        var tester = new UplinkTester(_http, TimeProvider.System);

        var result = await tester.RunAsync(_server.Endpoint, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        Assert.True(result.Mbps > 0);
        Assert.Equal(3, _server.Requests);
        Assert.InRange(result.BusyWaited.TotalSeconds, 2.0, 2.2); // Retry-After: 1, twice, plus at most a tenth of jitter each
    }

    [Fact]
    public async Task Run_CollectorBusyPastPatience_FailsWithTheCollectorsReason()
    {
        _server.BusyFor = 100;
        var tester = new UplinkTester(_http, TimeProvider.System, busyPatience: TimeSpan.FromSeconds(2.5));

        var result = await tester.RunAsync(_server.Endpoint, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal(
            $"{_server.Endpoint} answered HTTP 503 Service Unavailable: 1 uplink tests are running (Ingest:Uplink:MaxConcurrent); try again in 1 s; still busy after {result.BusyWaited.TotalSeconds:0} s of waiting",
            result.Error);
        Assert.InRange(result.BusyWaited.TotalSeconds, 2.0, 2.5);
        Assert.Equal(3, _server.Requests);
    }

    [Fact]
    public async Task Run_CollectorSlowToRefuse_BodyWaitsForTheAnswerAndThe503IsHeard()
    {
        // A loaded collector that takes 2 s to refuse: .NET's default 1 s wait for "100 Continue" sent the body before
        // the 503, the collector closed the connection on it, and the edge saw a broken upload instead of "busy".
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var bodyBytesBeforeAnswers = new List<int>();
        var server = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                using var socket = await listener.AcceptSocketAsync();
                var head = new System.Text.StringBuilder();
                var buffer = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await socket.ReceiveAsync(buffer) == 1)
                {
                    head.Append((char)buffer[0]);
                }

                await Task.Delay(TimeSpan.FromSeconds(2));
                bodyBytesBeforeAnswers.Add(socket.Available);
                var reason = "busy: 1 tests are running"u8.ToArray();
                await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: {reason.Length}\r\nConnection: close\r\n\r\n"));
                await socket.SendAsync(reason);
                socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
            }
        });
        var tester = new UplinkTester(_http, TimeProvider.System, busyPatience: TimeSpan.FromSeconds(1.5));

        var result = await tester.RunAsync(new Uri($"http://127.0.0.1:{port}/uplink"), TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal($"http://127.0.0.1:{port}/uplink answered HTTP 503 Service Unavailable: busy: 1 tests are running; still busy after 1 s of waiting", result.Error);
        await server.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([0, 0], bodyBytesBeforeAnswers);
    }

    [Fact]
    public async Task Run_NothingListening_FailedResultNotException()
    {
        var tester = new UplinkTester(_http, TimeProvider.System);

        var result = await tester.RunAsync(new Uri($"http://127.0.0.1:{FreePort.Next()}/uplink/"), TimeSpan.FromMilliseconds(100), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Null(result.Mbps);
    }

    [Fact]
    public void Receipt_JsonRoundTripAndGarbage()
    {
        var receipt = new UplinkReceipt(1_250_000, 2.5, 1_795_000_000_000);

        Assert.Equal("{\"bytes\":1250000,\"seconds\":2.5,\"serverTime\":1795000000000}", System.Text.Encoding.UTF8.GetString(receipt.ToJson()));
        Assert.Equal(receipt, UplinkReceipt.Parse(receipt.ToJson()));
        Assert.Equal(4.0, receipt.Mbps);
        Assert.Throws<FormatException>(() => UplinkReceipt.Parse("{\"bytes\":\"many\"}"u8));
        Assert.Throws<FormatException>(() => UplinkReceipt.Parse("<html>"u8));
    }
}
