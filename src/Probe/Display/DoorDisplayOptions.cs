using System.Globalization;

namespace LiveRoom.Probe.Display;

/// <summary>The edge's own door display server (configuration section <c>Probe:Display</c>; defaults in <see cref="DisplayDefaults"/>).</summary>
public sealed record DoorDisplayOptions
{
    public const string Section = "Probe:Display";

    /// <summary>
    /// Listen address of the kiosk page, <c>http://host:port</c>; default <c>http://0.0.0.0:8090</c> (every interface,
    /// the studio LAN). Port 0 binds a free port. Empty turns the server off.
    /// </summary>
    public string Url { get; set; } = DisplayDefaults.Url;

    /// <summary>Period of the SSE heartbeat comment; default 15 s, allowed 1 s to 5 min.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = DisplayDefaults.HeartbeatInterval;

    /// <summary>Whether the server runs (<see cref="Url"/> is set).</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>Every problem as "key is X; allowed …" naming the key under <paramref name="section"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string section = Section)
    {
        var failures = new List<string>();
        if (Enabled)
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || string.IsNullOrEmpty(uri.Host))
            {
                failures.Add($"{section}:Url '{Url}' is not a valid URL; allowed: empty (off) or http://host:port (default {DisplayDefaults.Url}; port 0 = any free port)");
            }
            else if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                failures.Add($"{section}:Url '{Url}' has a path, query or user name; allowed: http://host:port only (the page is served at /)");
            }
        }

        if (HeartbeatInterval < TimeSpan.FromSeconds(1) || HeartbeatInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:HeartbeatInterval is {HeartbeatInterval:c}; allowed 00:00:01 to 00:05:00, default {DisplayDefaults.HeartbeatInterval:c}"));
        }

        return failures;
    }
}
