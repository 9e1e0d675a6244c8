using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Dashboard.Series;

/// <summary>How one field is aggregated into a chart bucket.</summary>
internal enum Aggregate
{
    Mean,
    Min,
    Max,
}

/// <summary>One line of a panel: a field of the panel's measurement and its aggregate.</summary>
internal sealed record PanelField(string Field, Aggregate Aggregate, string Label)
{
    public string Column => $"{Aggregate.ToString().ToLowerInvariant()}_{Field}";
}

/// <summary>One chart of the room page.</summary>
internal sealed record PanelSpec(string Id, string Title, string Unit, string Measurement, IReadOnlyList<PanelField> Fields);

/// <summary>
/// The room page's panels (issue 8 item 2). Field names of kinds still being built (network, host) follow their
/// issues; a field nothing writes yet gives an empty panel ("no data"), not an error.
/// </summary>
internal static class PanelCatalog
{
    public static readonly IReadOnlyList<PanelSpec> All =
    [
        new("fps", "Frame rate", "fps", MetricKind.Stream,
            [new(MetricKind.StreamFields.Fps, Aggregate.Mean, "mean"), new(MetricKind.StreamFields.Fps, Aggregate.Min, "min")]),
        new("bitrate", "Bitrate", "bit/s", MetricKind.Stream,
            [new(MetricKind.StreamFields.Bitrate, Aggregate.Mean, "total"), new(MetricKind.StreamFields.VideoBitrate, Aggregate.Mean, "video")]),
        new("uplink", "Uplink", "bit/s", MetricKind.Network,
            [new("tx_bps", Aggregate.Mean, "uplink"), new("tx_bps", Aggregate.Min, "min")]),
        new("loudness", "Loudness", "LUFS", MetricKind.Audio,
            [new(AudioFields.ShortTerm, Aggregate.Mean, "short-term"), new(AudioFields.TruePeak, Aggregate.Max, "true peak dBTP")]),
        new("lighting", "Lighting (luma)", "0-255", MetricKind.Vision,
            [new(PictureFields.LumaMean, Aggregate.Mean, "mean"), new(PictureFields.LumaP98, Aggregate.Max, "p98")]),
        new("framing", "Framing (changed blocks)", "blocks", MetricKind.Vision,
            [new(PictureFields.ChangedBlocks, Aggregate.Max, "changed")]),
        new("cpu", "CPU", "%", MetricKind.Host,
            [new("cpu_pct", Aggregate.Mean, "mean"), new("cpu_pct", Aggregate.Max, "max")]),
    ];

    /// <summary>The measurements the panels read (one query each per request).</summary>
    public static IReadOnlyList<string> Measurements => All.Select(p => p.Measurement).Distinct().ToList();
}
