namespace LiveRoom.Probe.Lifecycle;

/// <summary>The automatic items of the pre-show checklist (issue 6 item 2), in the order failures are reported (worst first).</summary>
public static class ChecklistItems
{
    public const string Encoder = "encoder";
    public const string Uplink = "uplink";
    public const string Resolution = "resolution";
    public const string FrameRate = "frame_rate";
    public const string Bitrate = "bitrate";
    public const string Audio = "audio";
    public const string Loudness = "loudness";
    public const string Ingest = "ingest_rtt";
    public const string Obs = "obs";
    public const string Disk = "disk";
    public const string Clock = "clock";
    public const string Framing = "framing";
    public const string Lighting = "lighting";

    /// <summary>Items measured from the encoder's stream: pending while there is none.</summary>
    public static readonly IReadOnlyList<string> FromStream = [Resolution, FrameRate, Bitrate, Audio, Loudness, Framing, Lighting];

    public static readonly IReadOnlyList<string> Order = [Encoder, Uplink, Resolution, FrameRate, Bitrate, Audio, Loudness, Ingest, Obs, Disk, Clock, Framing, Lighting];

    /// <summary>Seed clause each item serves.</summary>
    public static string Clause(string item) => item switch
    {
        Encoder or Resolution or FrameRate or Bitrate => "6.2.2.1",
        Audio or Loudness => "6.2.2.2",
        Uplink or Ingest => "6.2.1.1",
        Framing => "6.1.2",
        Lighting => "6.1.5",
        Clock => "4.1",
        _ => "7.4.3",
    };

    public static int Rank(string item)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (Order[i] == item)
            {
                return i;
            }
        }

        return Order.Count;
    }
}
