namespace LiveRoom.Ingest.Uplink;

/// <summary>
/// The uplink test endpoint the edges' pre-show checklist uploads to (section <c>Ingest:Uplink</c>; seed clause 6.2.1.1,
/// and the edges' clock check, seed clause 4.1). Off unless <see cref="Url"/> is set.
/// </summary>
public sealed class UplinkOptions
{
    /// <summary>
    /// Where to listen, e.g. <c>http://0.0.0.0:5082</c> (port 0: any free port); the edges' <c>Probe:Network:UplinkUrl</c>
    /// is this address with the path <c>/uplink</c>. Empty (default): no endpoint.
    /// </summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>PEM certificate (with intermediates) when <see cref="Url"/> is https://.</summary>
    public string? CertFile { get; set; }

    /// <summary>PEM private key of <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Uploads measured at once; one more is answered 503 with Retry-After. Default 8.</summary>
    public int MaxConcurrent { get; set; } = UplinkDefaults.MaxConcurrent;

    /// <summary>Longest upload read before the endpoint answers; default 60 s (an edge's test lasts 10 s by default).</summary>
    public TimeSpan MaxDuration { get; set; } = UplinkDefaults.MaxDuration;
}
