using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.HostHealth;

public sealed partial class HostHealthMonitor
{
    private void AddCpu(Dictionary<string, FieldValue> f) => Read("/proc/stat", () =>
    {
        var cpu = ProcParsers.ParseStat(File.ReadAllText(Proc("stat")));
        if (_lastCpu is { } last && CpuTimes.Percent(last, cpu) is { } percent)
        {
            f[HostPoints.CpuPercent] = Math.Round(percent, 2);
        }

        _lastCpu = cpu;
    });

    private void AddMemory(Dictionary<string, FieldValue> f) => Read("/proc/meminfo", () =>
    {
        var (total, available) = ProcParsers.ParseMemInfo(File.ReadAllText(Proc("meminfo")));
        f[HostPoints.MemoryTotalBytes] = total;
        f[HostPoints.MemoryAvailableBytes] = available;
        f[HostPoints.MemoryUsedBytes] = Math.Max(0, total - available);
    });

    private void AddDisk(Dictionary<string, FieldValue> f) => Read("disk " + _options.RecordingPath, () =>
    {
        var (free, total) = DiskSpace.Measure(_options.RecordingPath);
        f[HostPoints.DiskFreeBytes] = free;
        f[HostPoints.DiskTotalBytes] = total;
        if (total > 0)
        {
            f[HostPoints.DiskFreePercent] = Math.Round(100.0 * free / total, 2);
        }
    });

    private void AddTemperature(Dictionary<string, FieldValue> f)
    {
        if (!_thermalLooked)
        {
            // Looked up once: zones do not come and go; their absence is normal (VMs, many desktops) and said once.
            _thermalLooked = true;
            _thermal = ThermalZones.FindCpuZone(_options.ThermalRoot);
            if (_thermal is { } zone)
            {
                HostHealthLog.ThermalZone(_logger, _name, zone.Type, zone.TempPath);
            }
            else
            {
                HostHealthLog.NoThermalZone(_logger, _name, _options.ThermalRoot);
            }
        }

        if (_thermal is { } z)
        {
            Read(z.TempPath, () => f[HostPoints.CpuTemperature] = ThermalZones.ParseCelsius(File.ReadAllText(z.TempPath)));
        }
    }

    private void AddSelf(Dictionary<string, FieldValue> f)
    {
        Read("/proc/self/stat", () =>
        {
            var ticks = ProcParsers.ParseSelfStatTicks(File.ReadAllText(Proc("self", "stat")));
            var now = _time.GetTimestamp();
            if (_lastSelf is { } last)
            {
                var seconds = _time.GetElapsedTime(last.At, now).TotalSeconds;
                if (seconds > 0 && ticks >= last.Ticks)
                {
                    f[HostPoints.ProbeCpuPercent] = Math.Round(100.0 * (ticks - last.Ticks) / HostHealthDefaults.UserHz / seconds, 2);
                }
            }

            _lastSelf = (ticks, now);
        });
        Read("/proc/self/status", () => f[HostPoints.ProbeRssBytes] = ProcParsers.ParseSelfStatusRss(File.ReadAllText(Proc("self", "status"))));
    }
}
