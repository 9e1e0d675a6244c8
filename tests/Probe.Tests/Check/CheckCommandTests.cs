using System.Globalization;
using System.Text.Json;
using LiveRoom.Probe.Tests.Fixtures;
using LiveRoom.Probe.Tests.Hosting;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Check;

/// <summary><c>liveroom-probe check</c> run as the real executable.</summary>
public sealed class CheckCommandTests
{
    private static Task<ProcessResult> CheckAsync(params string[] args) =>
        ProcessRunner.RunAsync(ProbeProcess.Path, ["check", .. args], TimeSpan.FromSeconds(90), CancellationToken.None);

    private static Dictionary<string, string> Items(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("item").GetString()!, i => i.GetProperty("status").GetString()!, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Check_720pStream_FailsResolutionAndExits1_AsJson()
    {
        // 7 s over the 6 s file: the frame rate and audio items count only samples 3 s after the first packet, and with
        // 5 s a loaded machine's slower start left none.
        var result = await CheckAsync("--source", await TestStreams.At720p(), "--duration", "7s", "--json");

        Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
        var items = Items(result.Stdout);
        // The report (measured values per item) in every message: a clean-clone run under heavy load once read
        // frame_rate "fail" here, and the value it measured is what tells a slow start from a wrong rate.
        Assert.True(items["resolution"] == "fail", result.Stdout);
        Assert.True(items["frame_rate"] == "pass", result.Stdout);
        Assert.True(items["audio"] == "pass", result.Stdout);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("fail", doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Check_Local1080p30SrtStream_PassesEveryItemAndExits0()
    {
        var file = await TestStreams.At1080p30();
        var port = FreePort.Next();

        // The encoder listens (ffmpeg starts its -re playout when a caller connects) and the probe calls it, so the
        // stream flows from the probe's first second. With the probe listening instead, a sender retried until the
        // listener was bound could connect most of the check's window late on a loaded machine.
        await using var sender = await ListeningSenderAsync(["-re", "-i", file, "-c", "copy", "-f", "mpegts", $"srt://127.0.0.1:{port}?mode=listener"], "/proc/net/udp", port);

        // 8 s counted from the first packet the reader delivers: the 16 s file must outlast that even when the reader's
        // start (probing the stream) takes several seconds on a loaded machine.
        var result = await CheckAsync("--source", $"srt://127.0.0.1:{port}?mode=caller", "--duration", "8s");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("result: PASS", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1920x1080", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Local1080p30RtmpStream_PassesEveryItemAndExits0()
    {
        var file = await TestStreams.At1080p30();
        var port = FreePort.Next();

        // ffmpeg as a one-client RTMP server (as a platform's playback endpoint), the probe playing from it.
        await using var server = await ListeningSenderAsync(["-re", "-i", file, "-c", "copy", "-f", "flv", "-listen", "1", $"rtmp://127.0.0.1:{port}/live/room-1"], "/proc/net/tcp", port);

        // 8 s from the first packet, as above: the 16 s file outlasts it.
        var result = await CheckAsync("--source", $"rtmp://127.0.0.1:{port}/live/room-1", "--duration", "8s", "--json");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var items = Items(result.Stdout);
        Assert.All(items, item => Assert.Equal("pass", item.Value));
        Assert.Equal("pass", items["resolution"]);
        Assert.Equal("pass", items["loudness"]);
    }

    [Fact]
    public async Task Check_ListenerSource_EncoderStartsLate_MeasuresTheWholeDurationFromItsFirstPacket()
    {
        var file = await TestStreams.At1080p30();
        var port = FreePort.Next();
        var launched = System.Diagnostics.Stopwatch.StartNew();
        var check = CheckAsync("--source", $"srt://127.0.0.1:{port}?mode=listener", "--duration", "6s", "--json");

        // The technician starts the check, then the encoder: 4 s later it calls the probe's listener.
        await Eventually.WaitAsync(() => Bound("/proc/net/udp", port) || check.IsCompleted, TimeSpan.FromSeconds(30), $"the probe to listen on udp {port}");
        await Task.Delay(TimeSpan.FromSeconds(4));
        await using var sender = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "sender",
            FileName = "ffmpeg",
            Arguments = ["-hide_banner", "-nostdin", "-v", "error", "-re", "-i", file, "-c", "copy", "-f", "mpegts", $"srt://127.0.0.1:{port}?mode=caller"],
        });
        var result = await check;

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var after = doc.RootElement.GetProperty("first_packet_after_s").GetDouble();

        // Not before the encoder started (4 s after the probe listened), and early enough that the whole 6 s was measured
        // before the check ended (on a loaded machine the encoder's start and ffmpeg's probing of the input take longer).
        Assert.InRange(after, 4, launched.Elapsed.TotalSeconds - 6 + 0.05);
        var items = Items(result.Stdout);
        Assert.Equal("pass", items["frame_rate"]); // 6 s of stream measured, not the 2 s left of the first window
        Assert.Equal("pass", items["stream"]);
    }

    [Theory]
    [InlineData("srt://0.0.0.0:9000?mode=listener", true)]
    [InlineData("srt://ingest:9000?mode=caller&latency=200000", false)]
    [InlineData("srt://ingest:9000", false)]
    [InlineData("tcp://0.0.0.0:9000?listen=1", true)]
    [InlineData("tcp://0.0.0.0:9000?listen", true)]
    [InlineData("tcp://127.0.0.1:9000?listen=0", false)]
    [InlineData("rtmp://0.0.0.0/live/room-1?listen=1", true)]
    [InlineData("udp://@:5000", true)]
    [InlineData("rtmp://platform.example/live/key", false)]
    [InlineData("/var/lib/liveroom/test.ts", false)]
    public void SourceListens_ListenerUrlsOnly(string url, bool listens) =>
        Assert.Equal(listens, LiveRoom.Probe.Check.CheckArguments.SourceListens(url));

    /// <summary>An ffmpeg sender (its <paramref name="arguments"/> after the log options) that listens for the probe, once its socket is bound on 127.0.0.1:<paramref name="port"/> (<paramref name="sockets"/>: <c>/proc/net/udp</c> or <c>/proc/net/tcp</c>).</summary>
    private static async Task<ChildProcess> ListeningSenderAsync(string[] arguments, string sockets, int port)
    {
        var sender = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "sender",
            FileName = "ffmpeg",
            Arguments = ["-hide_banner", "-nostdin", "-v", "error", .. arguments],
        });
        await Eventually.WaitAsync(() => Bound(sockets, port) || sender.HasExited, TimeSpan.FromSeconds(30), $"the sender to listen on {sockets} port {port}");
        Assert.False(sender.HasExited, sender.StderrTail());
        return sender;
    }

    /// <summary>
    /// True when a socket is bound to 127.0.0.1:<paramref name="port"/> in <paramref name="sockets"/> (hex little-endian
    /// address); for TCP only a listening one (state 0A), for UDP any.
    /// </summary>
    private static bool Bound(string sockets, int port)
    {
        var local = string.Create(CultureInfo.InvariantCulture, $"0100007F:{port:X4}");
        var tcp = sockets.EndsWith("tcp", StringComparison.Ordinal);
        return File.ReadLines(sockets).Skip(1).Any(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var address, _, var state, ..] && address == local && (!tcp || state == "0A"));
    }

    [Fact]
    public async Task Check_UnreachableSource_FailsTheStreamWithTheReason()
    {
        // 10 s, not 3: on a loaded machine ffmpeg may take seconds to start, and the check must see its refusal, not only silence.
        var result = await CheckAsync("--source", $"tcp://127.0.0.1:{FreePort.Next()}", "--duration", "10s");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL  stream", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Connection refused", result.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Check_NoSource_ExitsWithUsage()
    {
        var result = await CheckAsync("--duration", "5s");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--source is required", result.Stderr, StringComparison.Ordinal);
    }
}
