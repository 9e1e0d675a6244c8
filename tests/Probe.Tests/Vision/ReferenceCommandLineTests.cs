using LiveRoom.Probe.Vision.Analysis;
using LiveRoom.Probe.Vision.Commissioning;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Vision;

/// <summary><c>liveroom-probe reference capture|approve</c>: argument parsing, a real one-shot ffmpeg capture, approval.</summary>
public sealed class ReferenceCommandLineTests : IDisposable
{
    private readonly TempDirectory _dir = new("reference-cli");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(new string[0], "expected 'capture' or 'approve'")]
    [InlineData(new[] { "capture", "--room", "r/1", "--dir", "x", "--source", "a" }, "--room: identifier 'r/1' contains '/'")]
    [InlineData(new[] { "capture", "--room", "r1", "--source", "a" }, "the reference directory is unknown")]
    [InlineData(new[] { "capture", "--room", "r1", "--dir", "x" }, "capture needs --source")]
    [InlineData(new[] { "approve", "--room", "r1", "--dir", "x", "--capture", "c" }, "approve needs --capture ID and --regions")]
    [InlineData(new[] { "capture", "--room", "r1", "--bogus", "1" }, "unknown or incomplete argument '--bogus'")]
    public async Task RunAsync_WrongArguments_Exit2WithTheProblem(string[] args, string problem)
    {
        var error = new StringWriter();

        var code = await ReferenceCommandLine.RunAsync(args, new StringWriter(), error, TimeProvider.System, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains(problem, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CaptureFromFileThenApprove_ReferenceVersion1At640x360()
    {
        var source = _dir.Combine("studio.mp4");
        (await ProcessRunner.RunAsync("ffmpeg", ["-hide_banner", "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=1280x720:d=1", "-pix_fmt", "yuv420p", "-y", source], TimeSpan.FromSeconds(60), CancellationToken.None)).EnsureSuccess();
        var config = _dir.Combine("appsettings.json");
        await File.WriteAllTextAsync(config, "{\"Probe\":{\"Site\":\"demo\",\"Room\":\"room-1\",\"SourceUrl\":\"" + source + "\",\"ReferenceDirectory\":\"" + _dir.Combine("ref") + "\"}}");
        var output = new StringWriter();
        var error = new StringWriter();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));

        var captured = await ReferenceCommandLine.RunAsync(["capture", "--room", "room-1", "--config", config], output, error, time, CancellationToken.None);
        var wrongRoom = await ReferenceCommandLine.RunAsync(["capture", "--room", "room-2", "--config", config], new StringWriter(), error, time, CancellationToken.None);
        var refused = await ReferenceCommandLine.RunAsync(["approve", "--room", "room-1", "--config", config, "--capture", "cli-20261122-093000", "--regions", "backdrop=0,0,1,0.6;desk=0,0.6,1,1"], output, error, time, CancellationToken.None);
        var approved = await ReferenceCommandLine.RunAsync(
            ["approve", "--room", "room-1", "--config", config, "--capture", "cli-20261122-093000", "--by", "li.wei", "--regions", "backdrop=0,0,1,0.6;desk=0,0.6,1,0.2;seat=0.35,0.1,0.3,0.5;background=0,0.8,1,0.2"],
            output,
            error,
            time,
            CancellationToken.None);

        Assert.True(captured == 0, error.ToString());
        Assert.Equal(2, wrongRoom);
        Assert.Contains("is the edge of room 'room-1'", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, refused);
        Assert.Contains("region 'desk'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("region 'seat' is missing", error.ToString(), StringComparison.Ordinal);
        Assert.True(approved == 0, error.ToString());
        var jpeg = Directory.GetFiles(_dir.Combine("ref", "candidates"), "*.jpg").Single();
        Assert.Equal([0xFF, 0xD8], File.ReadAllBytes(jpeg)[..2]);
        var reference = ReferenceStore.Load(_dir.Combine("ref"), out var problem);
        Assert.Null(problem);
        Assert.Equal((640, 360, 1, "li.wei"), (reference!.Width, reference.Height, reference.Version, reference.CapturedBy));
        Assert.Contains("reference version 1 of room room-1 approved by li.wei", output.ToString(), StringComparison.Ordinal);
    }
}
