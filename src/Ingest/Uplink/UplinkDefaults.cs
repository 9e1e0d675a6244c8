using LiveRoom.Contracts.Uplink;

namespace LiveRoom.Ingest.Uplink;

/// <summary>Defaults of <see cref="UplinkOptions"/>.</summary>
public static class UplinkDefaults
{
    /// <summary>The path edges upload to.</summary>
    public const string Path = "/uplink";

    /// <summary>
    /// Uploads measured at once: rooms whose shows start together run their checklists together, and each test shares
    /// the collector's downlink with the others, so more at once would measure the collector rather than the rooms.
    /// </summary>
    public const int MaxConcurrent = 8;

    public static readonly TimeSpan MaxDuration = UplinkSink.DefaultMaxDuration;

    /// <summary>What a refused upload is told to wait (the checklist re-checks a failed item every minute anyway).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
}
