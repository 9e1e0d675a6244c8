namespace LiveRoom.Demo.Options;

/// <summary>
/// The demo supervisor's options: section <c>Demo</c>, or the switches <c>--rooms</c>, <c>--state</c>,
/// <c>--bin</c>, <c>--probe</c>, <c>--site</c>, <c>--dashboard-port</c>.
/// </summary>
public sealed class DemoOptions
{
    /// <summary>Command-line switches and the keys they set.</summary>
    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--rooms"] = "Demo:Rooms",
        ["--state"] = "Demo:StateDirectory",
        ["--bin"] = "Demo:BinDirectory",
        ["--probe"] = "Demo:ProbeExecutable",
        ["--site"] = "Demo:Site",
        ["--dashboard-port"] = "Demo:DashboardPort",
        ["--configuration"] = "Demo:Configuration",
    };

    /// <summary>Number of simulated rooms (<c>room-1</c> … <c>room-N</c>). Default 3; 1 to 20.</summary>
    public int Rooms { get; set; } = DemoDefaults.Rooms;

    /// <summary>Site id of the simulated rooms. Default <c>demo</c>.</summary>
    public string Site { get; set; } = DemoDefaults.Site;

    /// <summary>Directory for all state (created). Default <c>var/demo</c>.</summary>
    public string StateDirectory { get; set; } = DemoDefaults.StateDirectory;

    /// <summary>Directory holding the projects' build output. Default <c>src</c>.</summary>
    public string BinDirectory { get; set; } = DemoDefaults.BinDirectory;

    /// <summary>
    /// The probe executable to run in every room: <c>make demo</c> passes the native one that ships (decision 0018,
    /// <c>make probe-native</c>). Empty (default): the JIT build's <c>liveroom-probe.dll</c> under <see cref="BinDirectory"/>.
    /// </summary>
    public string? ProbeExecutable { get; set; }

    /// <summary>Build configuration to run. Default <c>Release</c>.</summary>
    public string Configuration { get; set; } = DemoDefaults.Configuration;

    /// <summary>Dashboard port on 127.0.0.1; 0 (default) picks a free one.</summary>
    public int DashboardPort { get; set; }

    /// <summary>Synthetic encoder's video bitrate, kbit/s. Default 4,500; 500 to 50,000.</summary>
    public int VideoBitrateKbps { get; set; } = DemoDefaults.VideoBitrateKbps;
}
