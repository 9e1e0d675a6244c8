using System.Net;
using System.Net.Sockets;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Network;
using LiveRoom.Probe.Sinks;
using LiveRoom.Probe.Tests.Obs;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.HostHealth.HostTestData;

namespace LiveRoom.Probe.Tests.Network;

/// <summary>The network collector over a fake /proc/net (recorded files) on a fake clock, with real loopback peers.</summary>
[FailOnUnobservedTaskException]
public sealed class NetworkMonitorTests : IDisposable
{
    private readonly TempDirectory _dir = new("network");
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingPointSink _sink = new();
    private readonly string _dev = Read("Network-proc-net-dev-1.txt");

    public NetworkMonitorTests()
    {
        Write(_dir.Path, "proc/net/dev", _dev);
        Write(_dir.Path, "proc/net/route", Read("Network-proc-net-route.txt"));
    }

    public void Dispose() => _dir.Dispose();

    private NetworkMonitor Monitor(NetworkOptions? options = null, UplinkTester? uplink = null) => new(
        _sink,
        (options ?? new NetworkOptions()) with { ProcRoot = _dir.Combine("proc") },
        "room-1",
        _time,
        new ClockOffsetEstimator(_time),
        uplink);

    private IReadOnlyList<MetricPoint> NetworkPoints_() => [.. _sink.Points.Where(p => p.Kind == MetricKind.Network)];

    [Fact]
    public async Task Sample_CountersGrowOverOneSecond_TxAndRxRatesOfTheDefaultRouteInterface()
    {
        var monitor = Monitor();
        await monitor.SampleOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        // eth0 sent 500 000 bytes (4 Mbit) and received 125 000 bytes (1 Mbit) in that second.
        Write(_dir.Path, "proc/net/dev", _dev.Replace("614673051   18257", "614798051   18300", StringComparison.Ordinal).Replace("887524   10959", "1387524   11300", StringComparison.Ordinal));
        await monitor.SampleOnceAsync(CancellationToken.None);

        Assert.Equal("eth0", monitor.Interface);
        var points = NetworkPoints_();
        Assert.DoesNotContain(Probe.Network.NetworkPoints.TxBps, points[0].Fields.Keys);
        Assert.Equal(4_000_000, points[1].Fields[Probe.Network.NetworkPoints.TxBps].Number);
        Assert.Equal(1_000_000, points[1].Fields[Probe.Network.NetworkPoints.RxBps].Number);
        Assert.DoesNotContain(Probe.Network.NetworkPoints.RttMs, points[1].Fields.Keys);
    }

    [Fact]
    public async Task Sample_ConfiguredInterfaceMissing_EventOnceAndNoRates()
    {
        var monitor = Monitor(new NetworkOptions { Interface = "enp9s0" });

        await monitor.SampleOnceAsync(CancellationToken.None);
        await monitor.SampleOnceAsync(CancellationToken.None);

        Assert.Equal([Probe.Network.NetworkPoints.EventInterfaceMissing], _sink.EventTypes);
        Assert.All(NetworkPoints_(), p => Assert.DoesNotContain(Probe.Network.NetworkPoints.TxBps, p.Fields.Keys));
    }

    [Fact]
    public async Task Sample_IngestGoesAwayAndComesBack_RttLossAndEventsOnChange()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var monitor = Monitor(new NetworkOptions { IngestHost = "127.0.0.1", IngestPort = port, RttAttempts = 4 });
        try
        {
            await monitor.SampleOnceAsync(CancellationToken.None);
            Assert.Equal(0, NetworkPoints_()[^1].Fields[Probe.Network.NetworkPoints.LossPercent].Number);
            Assert.True(NetworkPoints_()[^1].Fields[Probe.Network.NetworkPoints.RttMs].Number >= 0);

            // Not due yet: no probe in this point.
            _time.Advance(TimeSpan.FromSeconds(1));
            await monitor.SampleOnceAsync(CancellationToken.None);
            Assert.DoesNotContain(Probe.Network.NetworkPoints.LossPercent, NetworkPoints_()[^1].Fields.Keys);

            listener.Stop();
            _time.Advance(TimeSpan.FromSeconds(5));
            await monitor.SampleOnceAsync(CancellationToken.None);
            Assert.Equal(100, NetworkPoints_()[^1].Fields[Probe.Network.NetworkPoints.LossPercent].Number);
            Assert.DoesNotContain(Probe.Network.NetworkPoints.RttMs, NetworkPoints_()[^1].Fields.Keys);

            listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            _time.Advance(TimeSpan.FromSeconds(5));
            await monitor.SampleOnceAsync(CancellationToken.None);
        }
        finally
        {
            listener.Stop();
        }

        Assert.Equal([Probe.Network.NetworkPoints.EventIngestUnreachable, Probe.Network.NetworkPoints.EventIngestReachable], _sink.EventTypes);
    }

    [Fact]
    public async Task RttProbe_ClosedPort_AllAttemptsLost()
    {
        var sample = await new TcpRttProber(TimeProvider.System).ProbeAsync("127.0.0.1", FreePort.Next(), 3, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(100, sample.LossPercent);
        Assert.Null(sample.RttMs);
        Assert.Contains("ConnectionRefused", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UplinkTest_RunByChecklist_MbpsInNextPointAndLowVerdictRaisesEvent()
    {
        await using var server = new UplinkHttpServer();
        using var http = new HttpClient();
        var options = new NetworkOptions { UplinkUrl = server.Endpoint.ToString(), UplinkTestDuration = TimeSpan.FromMilliseconds(200) };
        var monitor = new NetworkMonitor(_sink, options with { ProcRoot = _dir.Combine("proc") }, "room-1", TimeProvider.System, new ClockOffsetEstimator(TimeProvider.System), new UplinkTester(http, TimeProvider.System));

        // A stream no uplink can carry: the verdict fails whatever loopback achieves.
        var (result, verdict) = await monitor.RunUplinkTestAsync(streamBitsPerSecond: 1e15, CancellationToken.None);
        await monitor.SampleOnceAsync(CancellationToken.None);
        await monitor.SampleOnceAsync(CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(VerdictLevel.Fail, verdict.Level);
        var low = Assert.Single(_sink.Points, p => p.Kind == MetricKind.Event);
        Assert.Equal(Probe.Network.NetworkPoints.EventUplinkLow, low.Fields[SinkPoints.EventType].Text);
        var points = NetworkPoints_();
        Assert.Equal(Math.Round(result.Mbps!.Value, 3), points[0].Fields[Probe.Network.NetworkPoints.UplinkMbps].Number);
        Assert.DoesNotContain(Probe.Network.NetworkPoints.UplinkMbps, points[1].Fields.Keys);
        Assert.Contains(Probe.Network.NetworkPoints.ClockOffsetMs, points[0].Fields.Keys);
    }

    [Fact]
    public async Task UplinkTest_NoEndpointConfigured_FailVerdictAndEvent()
    {
        var monitor = Monitor();

        var (result, verdict) = await monitor.RunUplinkTestAsync(null, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal(VerdictLevel.Fail, verdict.Level);
        Assert.Equal([Probe.Network.NetworkPoints.EventUplinkTestFailed], _sink.EventTypes);
    }

    [Fact]
    public async Task Run_OnFakeClock_SamplesAtStartThenEveryInterval()
    {
        var monitor = Monitor();
        using var stop = new CancellationTokenSource();
        var run = monitor.RunAsync(stop.Token);
        await _sink.WaitForAsync(_ => true, "the first sample");

        _time.Advance(TimeSpan.FromSeconds(1));
        await _sink.WaitForAsync(_ => true, "the second sample", from: 1);

        await stop.CancelAsync();
        await run;
        Assert.Equal(2, NetworkPoints_().Count);
    }
}
