namespace LiveRoom.Probe.Display;

/// <summary>Documented defaults of the door display (issue 6 item 4), in one place (STYLE.md rule 6).</summary>
public static class DisplayDefaults
{
    /// <summary>
    /// Where the kiosk page listens: every interface, port 8090, so a screen or tablet on the studio LAN reaches it.
    /// Empty turns the door display server off.
    /// </summary>
    public const string Url = "http://0.0.0.0:8090";

    /// <summary>An SSE comment line this often keeps proxies and the browser from closing an idle stream.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>The <c>retry:</c> an SSE stream announces: the browser reconnects this soon after a drop (the page must update within 2 s).</summary>
    public static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    /// <summary>Largest accepted POST body (confirm, run), bytes.</summary>
    public const int MaxRequestBytes = 4096;

    /// <summary>Longest technician name or item id accepted from the door, characters.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The header the kiosk page sets on its POSTs (a cross-site form cannot set it; see docs/decisions/0012-door-display.md).</summary>
    public const string RequestHeader = "X-LiveRoom-Door";
}
