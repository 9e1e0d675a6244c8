using LiveRoom.Probe.HostHealth;
using LiveRoom.Testing;
using static LiveRoom.Probe.Tests.HostHealth.HostTestData;

namespace LiveRoom.Probe.Tests.HostHealth;

/// <summary>
/// Thermal zones in a fake /sys/class/thermal (this build machine, a VM, exposes none; the layout and millidegree
/// values are those of the kernel's thermal sysfs ABI).
/// </summary>
public sealed class ThermalAndDiskTests : IDisposable
{
    private readonly TempDirectory _dir = new("thermal");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FindCpuZone_AcpitzAndX86PkgTemp_PrefersThePackageSensor()
    {
        Write(_dir.Path, "thermal_zone0/type", "acpitz\n");
        Write(_dir.Path, "thermal_zone0/temp", "27800\n");
        Write(_dir.Path, "thermal_zone1/type", "x86_pkg_temp\n");
        Write(_dir.Path, "thermal_zone1/temp", "51000\n");

        var zone = ThermalZones.FindCpuZone(_dir.Path);

        Assert.Equal("x86_pkg_temp", zone?.Type);
        Assert.Equal(51.0, ThermalZones.ParseCelsius(File.ReadAllText(zone!.Value.TempPath)));
    }

    [Fact]
    public void FindCpuZone_ArmCpuThermal_Found()
    {
        Write(_dir.Path, "thermal_zone0/type", "gpu-thermal\n");
        Write(_dir.Path, "thermal_zone0/temp", "40000\n");
        Write(_dir.Path, "thermal_zone3/type", "cpu0-thermal\n");
        Write(_dir.Path, "thermal_zone3/temp", "48312\n");

        Assert.Equal("cpu0-thermal", ThermalZones.FindCpuZone(_dir.Path)?.Type);
    }

    [Fact]
    public void FindCpuZone_OnlyNonCpuZonesOrNoDirectory_Null()
    {
        Write(_dir.Path, "thermal_zone0/type", "acpitz\n");
        Write(_dir.Path, "thermal_zone0/temp", "27800\n");

        Assert.Null(ThermalZones.FindCpuZone(_dir.Path));
        Assert.Null(ThermalZones.FindCpuZone(_dir.Combine("absent")));
    }

    [Fact]
    public void Measure_PathNotCreatedYet_MeasuresTheNearestExistingParent()
    {
        var (free, total) = DiskSpace.Measure(_dir.Combine("recordings", "2026-11-22"));
        var drive = new DriveInfo(_dir.Path);

        Assert.Equal(drive.TotalSize, total);
        Assert.InRange(free, 1, total);
    }
}
