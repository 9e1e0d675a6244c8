using System.Globalization;
using LiveRoom.Probe.HostHealth;
using static LiveRoom.Probe.Tests.HostHealth.HostTestData;

namespace LiveRoom.Probe.Tests.HostHealth;

public sealed class ProcParsersTests
{
    [Fact]
    public void ParseStat_RecordedProcStat_BusyAndTotalFromAggregateCpuLine()
    {
        // cpu  440613 0 127690 166827 785 0 1876 0 0 0
        var cpu = ProcParsers.ParseStat(Read("HostHealth-proc-stat-1.txt"));

        Assert.Equal(440613 + 127690 + 1876, cpu.Busy);
        Assert.Equal(440613 + 127690 + 1876 + 166827 + 785, cpu.Total);
    }

    [Fact]
    public void Percent_TwoRecordedSnapshotsOneSecondApart_BusyDeltaOverTotalDelta()
    {
        var first = ProcParsers.ParseStat(Read("HostHealth-proc-stat-1.txt"));
        var second = ProcParsers.ParseStat(Read("HostHealth-proc-stat-2.txt"));

        // busy +33 ticks (user 15, system 18), idle +167: 33 of 200.
        Assert.Equal(16.5, CpuTimes.Percent(first, second));
        Assert.Null(CpuTimes.Percent(second, second));
    }

    [Fact]
    public void ParseStat_NoCpuLine_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => ProcParsers.ParseStat("intr 1 2 3\nctxt 4\n"));

    [Fact]
    public void ParseMemInfo_RecordedMeminfo_TotalAndAvailableInBytes()
    {
        var (total, available) = ProcParsers.ParseMemInfo(Read("HostHealth-proc-meminfo.txt"));

        Assert.Equal(24683620L * 1024, total);
        Assert.Equal(23958424L * 1024, available);
    }

    [Fact]
    public void ParseSelfStatTicks_RecordedStatOfADotnetProcess_UtimePlusStime()
    {
        // utime 70, stime 32 (fields 14 and 15).
        Assert.Equal(102, ProcParsers.ParseSelfStatTicks(Read("HostHealth-proc-self-stat.txt")));
    }

    [Fact]
    public void ParseSelfStatTicks_CommWithSpacesAndParentheses_CountsFieldsAfterLastParenthesis()
    {
        var line = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 4 0 100 1000 50 18446744073709551615";

        Assert.Equal(1234 + 567, ProcParsers.ParseSelfStatTicks(line));
    }

    [Fact]
    public void ParseSelfStatusRss_RecordedStatus_VmRssInBytes() =>
        Assert.Equal(114628L * 1024, ProcParsers.ParseSelfStatusRss(Read("HostHealth-proc-self-status.txt")));

    [Fact]
    public void Parsers_UnderGermanAndArabicCultures_GiveTheSameNumbers()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "ar-SA", "zh-CN" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.Equal(102, ProcParsers.ParseSelfStatTicks(Read("HostHealth-proc-self-stat.txt")));
                Assert.Equal(24683620L * 1024, ProcParsers.ParseMemInfo(Read("HostHealth-proc-meminfo.txt")).TotalBytes);
                Assert.Equal(45.5, ThermalZones.ParseCelsius("45500\n"));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
