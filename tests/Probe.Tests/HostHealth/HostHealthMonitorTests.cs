using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.HostHealth;
using LiveRoom.Probe.Network;
using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Sinks;
using LiveRoom.Probe.Tests.Obs;
using LiveRoom.Probe.Tests.Outbox;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.HostHealth.HostTestData;

namespace LiveRoom.Probe.Tests.HostHealth;

/// <summary>The host collector over a fake /proc made of recorded files, on a fake clock.</summary>
public sealed class HostHealthMonitorTests : IDisposable
{
    private readonly TempDirectory _dir = new("host");
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingPointSink _sink = new();

    public HostHealthMonitorTests()
    {
        Write(_dir.Path, "proc/stat", Read("HostHealth-proc-stat-1.txt"));
        Write(_dir.Path, "proc/meminfo", Read("HostHealth-proc-meminfo.txt"));
        Write(_dir.Path, "proc/self/stat", Read("HostHealth-proc-self-stat.txt"));
        Write(_dir.Path, "proc/self/status", Read("HostHealth-proc-self-status.txt"));
        Directory.CreateDirectory(_dir.Combine("recordings"));
    }

    public void Dispose() => _dir.Dispose();

    private HostHealthMonitor Monitor(ClockOffsetEstimator? clock = null) => new(
        _sink,
        new HostHealthOptions { ProcRoot = _dir.Combine("proc"), ThermalRoot = _dir.Combine("sys", "class", "thermal"), RecordingPath = _dir.Combine("recordings") },
        "room-1",
        _time,
        clock);

    [Fact]
    public void SampleOnce_TwoSamples_CpuFromStatDeltaProbeCpuFromSelfTicksAndEveryField()
    {
        Write(_dir.Path, "sys/class/thermal/thermal_zone0/type", "x86_pkg_temp\n");
        Write(_dir.Path, "sys/class/thermal/thermal_zone0/temp", "47250\n");
        var clock = new ClockOffsetEstimator(_time);
        var now = _time.GetUtcNow();
        clock.Add(now, now.AddMilliseconds(520), now.AddMilliseconds(525), now.AddMilliseconds(45));
        var monitor = Monitor(clock);

        monitor.SampleOnce();
        _time.Advance(TimeSpan.FromSeconds(5));
        Write(_dir.Path, "proc/stat", Read("HostHealth-proc-stat-2.txt"));

        // The probe used 50 more ticks (0.5 CPU-seconds) in 5 s: 10 % of one CPU.
        Write(_dir.Path, "proc/self/stat", Read("HostHealth-proc-self-stat.txt").Replace(" 70 32 ", " 100 52 ", StringComparison.Ordinal));
        monitor.SampleOnce();

        Assert.Equal(2, _sink.Points.Count);
        Assert.DoesNotContain(HostPoints.CpuPercent, _sink.Points[0].Fields.Keys);
        var p = _sink.Points[1];
        Assert.Equal(MetricKind.Host, p.Kind);
        Assert.Equal(16.5, p.Fields[HostPoints.CpuPercent].Number);
        Assert.Equal(10, p.Fields[HostPoints.ProbeCpuPercent].Number);
        Assert.Equal(114628.0 * 1024, p.Fields[HostPoints.ProbeRssBytes].Number);
        Assert.Equal((24683620.0 - 23958424) * 1024, p.Fields[HostPoints.MemoryUsedBytes].Number);
        Assert.Equal(23958424.0 * 1024, p.Fields[HostPoints.MemoryAvailableBytes].Number);
        Assert.Equal(47.25, p.Fields[HostPoints.CpuTemperature].Number);
        Assert.Equal(500, p.Fields[HostPoints.ClockOffsetMs].Number);
        Assert.Equal(40, p.Fields[HostPoints.ClockDelayMs].Number);
        Assert.InRange(p.Fields[HostPoints.DiskFreePercent].Number, 0.001, 100);
        Assert.True(p.Fields[HostPoints.DiskFreeBytes].Number > 0);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), p.Ts);
    }

    [Fact]
    public void SampleOnce_NoThermalZoneAndNoClock_FieldsOmittedRestReported()
    {
        var monitor = Monitor();

        monitor.SampleOnce();
        monitor.SampleOnce();

        var f = _sink.Points[^1].Fields;
        Assert.DoesNotContain(HostPoints.CpuTemperature, f.Keys);
        Assert.DoesNotContain(HostPoints.ClockOffsetMs, f.Keys);
        Assert.Contains(HostPoints.MemoryTotalBytes, f.Keys);
    }

    [Fact]
    public void SampleOnce_MeminfoUnreadable_OtherFieldsStillReported()
    {
        File.WriteAllText(_dir.Combine("proc", "meminfo"), "garbage\n");
        var monitor = Monitor();

        monitor.SampleOnce();

        var f = _sink.Points.Single().Fields;
        Assert.DoesNotContain(HostPoints.MemoryTotalBytes, f.Keys);
        Assert.Contains(HostPoints.ProbeRssBytes, f.Keys);
        Assert.Contains(HostPoints.DiskFreeBytes, f.Keys);
    }

    [Fact]
    public async Task Run_OnFakeClock_SamplesAtStartThenEveryInterval()
    {
        var monitor = Monitor();
        using var stop = new CancellationTokenSource();
        var run = monitor.RunAsync(stop.Token);
        await _sink.WaitForAsync(_ => true, "the first sample");

        _time.Advance(TimeSpan.FromSeconds(5));
        await _sink.WaitForAsync(_ => true, "the second sample", from: 1);

        await stop.CancelAsync();
        await run;
        Assert.Equal(2, _sink.Points.Count);
    }

    [Fact]
    public void SampleOnce_RealProcOfThisMachine_ReportsMemoryDiskAndOwnRss()
    {
        var monitor = new HostHealthMonitor(_sink, new HostHealthOptions { RecordingPath = _dir.Path }, "room-1", TimeProvider.System);

        monitor.SampleOnce();

        var f = _sink.Points.Single().Fields;
        Assert.True(f[HostPoints.MemoryTotalBytes].Number > 0);
        Assert.True(f[HostPoints.ProbeRssBytes].Number > 0);
        Assert.True(f[HostPoints.DiskTotalBytes].Number > 0);
    }

    [Fact]
    public void SampleOnce_IntoTheOutbox_StoredWithSequenceNumbers()
    {
        using var outbox = DiskOutbox.Open(new OutboxOptions { Directory = _dir.Combine("outbox") }, _time);
        var monitor = new HostHealthMonitor(
            outbox,
            new HostHealthOptions { ProcRoot = _dir.Combine("proc"), ThermalRoot = _dir.Combine("none"), RecordingPath = outbox.Directory },
            "room-1",
            _time);

        monitor.SampleOnce();
        monitor.SampleOnce();
        outbox.Sync();

        var stored = OutboxTestData.ReadAll(outbox);
        Assert.Equal([1L, 2L], stored.Select(p => p.Seq));
        Assert.All(stored, p => Assert.Equal(MetricKind.Host, p.Kind));
    }
}
