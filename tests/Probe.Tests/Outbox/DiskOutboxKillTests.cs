using System.Globalization;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.Outbox.OutboxTestData;

namespace LiveRoom.Probe.Tests.Outbox;

public sealed class DiskOutboxKillTests
{
    [Fact]
    public async Task Open_AfterWriterProcessKilledWithSigkill_ReturnsEveryDurablePointIntactAndContinues()
    {
        using var dir = new TempDirectory("outbox-kill");
        long durable = 0;
        var child = ChildProcess.Start(new ChildProcessStartInfo
        {
            Name = "outbox-writer",
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            Arguments = [typeof(TestHelperProgram).Assembly.Location, TestHelperProgram.OutboxWriterMode, dir.Path],
            StdoutLine = line =>
            {
                if (line.StartsWith("durable ", StringComparison.Ordinal))
                {
                    Interlocked.Exchange(ref durable, long.Parse(line.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture));
                }
            },
        });
        await using (child)
        {
            await Eventually.WaitAsync(
                () => Interlocked.Read(ref durable) >= 5_000 || child.HasExited,
                TimeSpan.FromSeconds(60),
                "the writer to commit 5000 points");
            Assert.False(child.HasExited, $"writer exited early: {child.StderrTail()}");
            child.Kill();
            await child.WaitForExitAsync(CancellationToken.None);
        }

        var lastDurable = Interlocked.Read(ref durable);
        using var outbox = Open(dir, new FakeTimeProvider());
        var points = ReadAll(outbox);

        Assert.True(points.Count >= lastDurable, $"{points.Count} points after kill -9, {lastDurable} were reported durable");
        for (var i = 0; i < points.Count; i++)
        {
            Assert.Equal(i + 1, points[i].Seq);
            Assert.Equal(i + 1, points[i].Fields["value"].Number);
        }

        Assert.Equal(points.Count + 1, outbox.Append(Point(0)).Seq);
    }
}
