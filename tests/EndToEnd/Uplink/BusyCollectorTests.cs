using LiveRoom.Ingest.Uplink;
using LiveRoom.Probe.Network;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd.Uplink;

/// <summary>
/// Rooms whose shows start together run their pre-show uplink tests together. When the collector's endpoint is
/// measuring all it allows (Ingest:Uplink:MaxConcurrent), the next edge's test must get its 503 and Retry-After — not a
/// connection cut mid-upload — wait and be measured, rather than fail the checklist item. The edge's real tester
/// against the collector's real endpoint.
/// </summary>
public sealed class BusyCollectorTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SecondRoomWhileTheOnlySlotIsTaken_WaitsAndIsMeasured()
    {
        var log = new ListLogger<UplinkEndpoint>();
        await using var endpoint = new UplinkEndpoint(new UplinkOptions { Url = "http://127.0.0.1:0", MaxConcurrent = 1 }, log, TimeProvider.System);
        await endpoint.StartAsync(null, CancellationToken.None);
        var url = new Uri(endpoint.Address!, UplinkDefaults.Path);
        using var http = UplinkTester.CreateHttpClient();

        var first = new UplinkTester(http, TimeProvider.System).RunAsync(url, TimeSpan.FromSeconds(4), CancellationToken.None);
        await Eventually.WaitAsync(() => endpoint.Running == 1, Wait, "room 1's test taking the only slot");
        // The collector asks for 30 s; this edge waits at most 1 s at a time, so the test does not take half a minute.
        var second = await new UplinkTester(http, TimeProvider.System, maxBusyWait: TimeSpan.FromSeconds(1)).RunAsync(url, TimeSpan.FromSeconds(1), CancellationToken.None);
        var one = await first;

        Assert.True(one.Ok, one.Error);
        Assert.Equal(TimeSpan.Zero, one.BusyWaited);
        Assert.True(second.Ok, second.Error);
        Assert.True(second.Mbps > 0);
        Assert.True(second.BusyWaited >= TimeSpan.FromSeconds(1), $"waited {second.BusyWaited}");
        Assert.Contains(log.Lines, l => l.StartsWith("Warning: Uplink test from 127.0.0.1 refused: 1 tests are running", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Contains("ended before its upload did", StringComparison.Ordinal));
    }
}
