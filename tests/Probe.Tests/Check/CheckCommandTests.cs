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

        Assert.Equal(1, result.ExitCode);
        var items = Items(result.Stdout);
        Assert.Equal("fail", items["resolution"]);
        Assert.Equal("pass", items["frame_rate"]);
        Assert.Equal("pass", items["audio"]);
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
        await using var sender = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "sender",
            FileName = "ffmpeg",
            Arguments = ["-hide_banner", "-nostdin", "-v", "error", "-re", "-i", file, "-c", "copy", "-f", "mpegts", $"srt://127.0.0.1:{port}?mode=listener"],
        });
        await Eventually.WaitAsync(() => UdpBound(port) || sender.HasExited, TimeSpan.FromSeconds(30), $"the sender to listen on udp {port}");
        Assert.False(sender.HasExited, sender.StderrTail());

        var result = await CheckAsync("--source", $"srt://127.0.0.1:{port}?mode=caller", "--duration", "12s");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("result: PASS", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1920x1080", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>True when a UDP socket is bound to 127.0.0.1:<paramref name="port"/> (from /proc/net/udp, hex little-endian address).</summary>
    private static bool UdpBound(int port)
    {
        var local = string.Create(CultureInfo.InvariantCulture, $"0100007F:{port:X4}");
        return File.ReadLines("/proc/net/udp").Skip(1).Any(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var address, ..] && address == local);
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
