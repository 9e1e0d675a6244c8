namespace LiveRoom.Demo.Options;

/// <summary>Every default of the demo supervisor, in one place.</summary>
public static class DemoDefaults
{
    public const string Section = "Demo";

    /// <summary>Simulated rooms: 3 (issue 2).</summary>
    public const int Rooms = 3;

    public const int MaxRooms = 20;

    /// <summary>Site id of the simulated rooms: <c>demo</c>.</summary>
    public const string Site = "demo";

    /// <summary>All state (broker, database, outboxes, logs) lives here: <c>var/demo</c>.</summary>
    public const string StateDirectory = "var/demo";

    /// <summary>Where the built projects are: <c>src</c> (each at <c>&lt;Project&gt;/bin/Release/net10.0/</c>).</summary>
    public const string BinDirectory = "src";

    /// <summary>Build configuration whose output is run: <c>Release</c>.</summary>
    public const string Configuration = "Release";

    /// <summary>Synthetic encoder's video bitrate: 4,500 kbit/s (H.264, 1920x1080 at 30 fps).</summary>
    public const int VideoBitrateKbps = 4500;

    /// <summary>Grace between SIGTERM and SIGKILL when stopping a child: 10 s.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    /// <summary>First restart delay of a child that exited; doubles per quick failure up to <see cref="RestartMaxDelay"/>.</summary>
    public static readonly TimeSpan RestartMinDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan RestartMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>A child that ran at least this long before exiting starts again from <see cref="RestartMinDelay"/>.</summary>
    public static readonly TimeSpan HealthyRun = TimeSpan.FromSeconds(30);

    /// <summary>Quick failures in a row after which the demo gives up and stops: 5.</summary>
    public const int MaxQuickFailures = 5;

    /// <summary>How long the dashboard may take to answer <c>/healthz</c>: 60 s.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
}
