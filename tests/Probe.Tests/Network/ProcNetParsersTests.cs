using System.Globalization;
using LiveRoom.Probe.Network;
using static LiveRoom.Probe.Tests.HostHealth.HostTestData;

namespace LiveRoom.Probe.Tests.Network;

public sealed class ProcNetParsersTests
{
    [Fact]
    public void ParseNetDev_RecordedFile_EveryInterfaceWithRxAndTxCounters()
    {
        var nics = ProcNetDevParser.Parse(Read("Network-proc-net-dev-1.txt"));

        Assert.Equal(["lo", "ifb0", "ifb1", "eth0"], nics.Select(n => n.Name));
        var eth0 = nics.Single(n => n.Name == "eth0");
        Assert.Equal(new NicCounters("eth0", 614673051, 18257, 887524, 10959), eth0);
    }

    [Fact]
    public void ParseNetDev_NameTouchingFirstNumberAndBigCounters_Parsed()
    {
        var text = "Inter-|   Receive\n face |bytes\n  wlp2s0:98765432101234 12 0 0 0 0 0 0 12345678901234 34 0 0 0 0 0 0\n";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(new NicCounters("wlp2s0", 98765432101234, 12, 12345678901234, 34), ProcNetDevParser.Parse(text).Single());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void DefaultRouteInterface_RecordedRouteTable_Eth0() =>
        Assert.Equal("eth0", ProcNetRouteParser.DefaultRouteInterface(Read("Network-proc-net-route.txt")));

    [Fact]
    public void DefaultRouteInterface_TwoDefaultRoutes_LowestMetricWins_DownRouteIgnored()
    {
        const string text = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
            + "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
            + "eth1\t00000000\t0100000A\t0002\t0\t0\t10\t00000000\t0\t0\t0\n"
            + "eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
            + "eth0\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n";

        Assert.Equal("eth0", ProcNetRouteParser.DefaultRouteInterface(text));
        Assert.Null(ProcNetRouteParser.DefaultRouteInterface(text.Split('\n')[0] + "\n"));
    }

    [Fact]
    public void Select_ConfiguredDefaultRouteAndBusiest_InThatOrder()
    {
        NicCounters[] nics =
        [
            new("lo", 9_000_000_000, 1, 9_000_000_000, 1),
            new("eth0", 1_000, 1, 1_000, 1),
            new("wlan0", 5_000_000, 1, 7_000_000, 1),
        ];

        Assert.Equal("eth0", InterfaceSelector.Select("eth0", nics, "wlan0"));
        Assert.Null(InterfaceSelector.Select("eth9", nics, "wlan0"));
        Assert.Equal("eth0", InterfaceSelector.Select(string.Empty, nics, "eth0"));
        Assert.Equal("wlan0", InterfaceSelector.Select(string.Empty, nics, "tun0"));
        Assert.Equal("wlan0", InterfaceSelector.Select(string.Empty, nics, null));
    }
}
