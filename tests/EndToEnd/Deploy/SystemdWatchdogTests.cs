using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd.Deploy;

/// <summary>
/// Decision 0028: under systemd's watchdog (WatchdogSec= in deploy/systemd) the dashboard says <c>WATCHDOG=1</c> on
/// systemd's notify socket every half of <c>WATCHDOG_USEC</c> while it answers its own <c>GET /healthz</c>. The socket here
/// is the test's own, speaking systemd's protocol (sd_notify(3): one datagram per message on a Unix socket). The collector
/// says it while its write pipeline keeps taking what an edge sends, the edge while its stream monitor samples.
/// </summary>
public sealed class SystemdWatchdogTests
{
    [Fact]
    public async Task Dashboard_WatchedOverHttps_SaysAliveEveryHalfTimeoutWhileItAnswersItself()
    {
        using var dir = new TempDirectory("systemd-watchdog");
        var certificates = TestCertificates.Create(dir, "dashboard");
        using var notify = NotifySocket(dir.Combine("notify"));
        var port = FreePort.Next();
        var output = new List<string>();
        // A 10 s timeout: the dashboard must speak every 5 s (each self-check gets 2.5 s).
        await using var dashboard = HttpsDashboard.Start(
            dir,
            certificates,
            port,
            "liveroom-dashboard (watched)",
            Watched(dir.Combine("notify")),
            line => { lock (output) { output.Add(line); } });
        using var client = new HttpClient(certificates.TrustingHandler()) { BaseAddress = new Uri($"https://127.0.0.1:{port}/") };
        await Eventually.WaitAsync(
            async () =>
            {
                Assert.False(dashboard.HasExited, dashboard.StderrTail());
                try
                {
                    using var response = await client.GetAsync("healthz");
                    return response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    return (HttpStatusCode)0;
                }
            },
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the dashboard to answer over https");

        // Listening now, so each round asks the dashboard itself over TLS; the words must keep coming before systemd would give up.
        var words = await ListenAsync(notify, 4, TimeSpan.FromSeconds(60));
        if (words.Count < 4)
        {
            lock (output)
            {
                Assert.Fail($"{words.Count} words in 60 s after the dashboard answered; it logged:\n{string.Join('\n', output.Where(l => l.Contains("watchdog", StringComparison.OrdinalIgnoreCase) || l.Contains("Liveness", StringComparison.Ordinal)))}");
            }
        }

        Assert.All(words, w => Assert.Equal("WATCHDOG=1", w.Text));
        var gaps = words.Zip(words.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).ToList();
        Assert.True(gaps.All(g => g < 10), $"a gap of {gaps.Max():0.00} s reached systemd's 10 s timeout: {string.Join(", ", gaps.Select(g => g.ToString("0.00", CultureInfo.InvariantCulture)))}");
        Assert.False(dashboard.HasExited);
        using var health = await client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        lock (output)
        {
            Assert.Contains(output, l => l.Contains("systemd watchdog: timeout 10 s; this service says it is alive every 5 s while these answer: the dashboard answers GET /healthz", StringComparison.Ordinal));
            Assert.DoesNotContain(output, l => l.Contains("Liveness check", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CollectorAndEdge_Watched_SayAliveWhileTheEdgeSamplesAndTheCollectorsPipelineTakesItsPoints()
    {
        await using var spine = await Faults.SpineHarness.StartAsync();
        using var dir = new TempDirectory("systemd-watchdog-spine");
        using var collectorSocket = NotifySocket(dir.Combine("collector"));
        using var edgeSocket = NotifySocket(dir.Combine("edge"));
        spine.StartCollector(environment: Watched(dir.Combine("collector")));
        spine.StartEdge("room-1", environment: Watched(dir.Combine("edge")));
        await spine.WaitForRowsAsync("room-1", 3, TimeSpan.FromSeconds(90));

        // Both at once: each must speak every 5 s (systemd's 10 s timeout) while the other runs.
        var heard = await Task.WhenAll(ListenAsync(collectorSocket, 4, TimeSpan.FromSeconds(60)), ListenAsync(edgeSocket, 4, TimeSpan.FromSeconds(60)));
        foreach (var (who, words) in new[] { ("collector", heard[0]), ("edge", heard[1]) })
        {
            Assert.True(words.Count == 4, $"{who}: {words.Count} words in 60 s while points flowed; {spine.Diagnostics()}");
            Assert.All(words, w => Assert.Equal("WATCHDOG=1", w.Text));
            Assert.True(words.Zip(words.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).All(g => g < 10), $"{who}: a gap reached systemd's 10 s timeout");
        }

        var collector = spine.CollectorEvents();
        Assert.Contains(collector, e => e.EventId == 812 && e.Message.Contains("collector write pipeline", StringComparison.Ordinal));
        Assert.DoesNotContain(collector, e => e.EventId == 815);
        var edge = spine.EdgeEvents("room-1");
        Assert.Contains(edge, e => e.EventId == 812 && e.Message.Contains("the stream monitor's sampling", StringComparison.Ordinal));
        Assert.DoesNotContain(edge, e => e.EventId == 815);
    }

    private static Socket NotifySocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    private static Dictionary<string, string> Watched(string socket) => new() { ["NOTIFY_SOCKET"] = socket, ["WATCHDOG_USEC"] = "10000000" };

    private static async Task<List<(string Text, DateTimeOffset At)>> ListenAsync(Socket notify, int count, TimeSpan timeout)
    {
        var words = new List<(string Text, DateTimeOffset At)>();
        var buffer = new byte[512];
        using var listen = new CancellationTokenSource(timeout);
        try
        {
            while (words.Count < count)
            {
                var read = await notify.ReceiveAsync(buffer, SocketFlags.None, listen.Token);
                words.Add((Encoding.UTF8.GetString(buffer, 0, read), DateTimeOffset.UtcNow));
            }
        }
        catch (OperationCanceledException)
        {
        }

        return words;
    }
}
