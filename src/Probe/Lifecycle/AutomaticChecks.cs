using System.Globalization;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Vision;
using SF = LiveRoom.Contracts.Payloads.MetricKind.StreamFields;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// The automatic checklist items measured from what the monitors last reported (<see cref="MeasurementSnapshot"/>):
/// each result has the measured value, the threshold, pass/warn/fail/pending and the seed clause. The uplink item is
/// an active test and is judged by <see cref="Uplink"/>. Pure: the same snapshot gives the same results.
/// </summary>
public static partial class AutomaticChecks
{
    /// <summary>Stream values older than this are not the stream of now.</summary>
    private static readonly TimeSpan StreamFreshness = TimeSpan.FromSeconds(10);

    /// <summary>Vision points follow the sampled frames, a few seconds apart.</summary>
    private static readonly TimeSpan VisionFreshness = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A stream up for less than this is still being measured (its frame rate and bitrate need a window of timestamps,
    /// its short-term loudness 3 s of audio): until then an item with no value yet is pending ("measuring"), not failing.
    /// </summary>
    public static readonly TimeSpan MeasureGrace = TimeSpan.FromSeconds(15);

    /// <summary>Whether the stream is up but younger than <see cref="MeasureGrace"/>: items may still get their first value.</summary>
    public static bool Settling(MeasurementSnapshot m, DateTimeOffset now) => StreamOf(m, now).Settling;

    /// <summary>Every passive item (all but <see cref="ChecklistItems.Uplink"/>), in report order.</summary>
    public static List<ChecklistItemResult> Evaluate(MeasurementSnapshot m, CheckContext c, DateTimeOffset now)
    {
        var ts = now.ToUnixTimeMilliseconds();
        var fresh = (now - StreamFreshness).ToUnixTimeMilliseconds();
        var up = StreamOf(m, now);
        var items = new List<ChecklistItemResult>
        {
            Encoder(m, up, fresh, ts),
            Resolution(m, c, up, fresh, ts),
            FrameRate(m, c, up, fresh, ts),
            Bitrate(m, c, up, fresh, ts),
            Audio(m, up, fresh, ts),
            Loudness(m, c, up, fresh, ts),
            Ingest(m, c, now),
        };
        if (c.ObsEnabled)
        {
            items.Add(Obs(m, c, now));
        }

        items.Add(Disk(m, c, now));
        items.Add(Clock(m, c, now));
        items.Add(Framing(m, up.Up, (now - VisionFreshness).ToUnixTimeMilliseconds(), ts));
        items.Add(Lighting(m, up.Up, (now - VisionFreshness).ToUnixTimeMilliseconds(), ts));
        return items;
    }

    /// <summary>The uplink item: a running test is pending; without a configured endpoint it says so as a warn.</summary>
    public static ChecklistItemResult Uplink(UplinkOutcome? outcome, bool running, CheckContext c, double? streamBps, DateTimeOffset now)
    {
        var ts = now.ToUnixTimeMilliseconds();
        var needed = streamBps is { } bps and > 0 ? Math.Max(c.MinUplinkMbps, bps / 1e6 * (1 + (c.HeadroomPercent / 100))) : c.MinUplinkMbps;
        var threshold = needed > c.MinUplinkMbps
            ? F($"≥ {needed:0.##} Mbit/s (stream + {c.HeadroomPercent:0.##} %)")
            : F($"≥ {c.MinUplinkMbps:0.##} Mbit/s");
        if (!c.UplinkConfigured)
        {
            return Item(ChecklistItems.Uplink, ItemStatus.Warn, "no uplink test configured (Probe:Network:UplinkUrl)", null, threshold, ts);
        }

        if (outcome is null)
        {
            return Item(ChecklistItems.Uplink, ItemStatus.Pending, running ? "testing" : "not tested yet", null, threshold, ts);
        }

        var status = outcome.Level switch
        {
            Network.VerdictLevel.Pass => ItemStatus.Pass,
            Network.VerdictLevel.Warn => ItemStatus.Warn,
            _ => ItemStatus.Fail,
        };
        var value = outcome.Mbps is { } mbps ? F($"{mbps:0.##} Mbit/s") : "test failed: " + WithoutEndpoint(outcome.Error ?? outcome.Reason);
        return Item(ChecklistItems.Uplink, status, value, outcome.Mbps is { } n ? Math.Round(n, 3) : null, threshold, ts);
    }

    /// <summary>The tester's errors start with the endpoint URL; the door needs the reason, the log has the rest.</summary>
    private static string WithoutEndpoint(string error)
    {
        var scheme = error.IndexOf("://", StringComparison.Ordinal);
        var colon = scheme > 0 ? error.IndexOf(": ", scheme, StringComparison.Ordinal) : -1;
        return scheme > 0 && scheme < 8 && colon > 0 ? error[(colon + 2)..] : error;
    }

    private static StreamNow StreamOf(MeasurementSnapshot m, DateTimeOffset now)
    {
        var fresh = (now - StreamFreshness).ToUnixTimeMilliseconds();
        var up = m.StreamUp(fresh);
        var uptime = up ? m.Number(MetricKind.Stream, SF.Uptime, fresh) ?? 0 : 0;
        return new StreamNow(up, uptime, up && uptime < MeasureGrace.TotalSeconds);
    }

    private static ChecklistItemResult Encoder(MeasurementSnapshot m, StreamNow s, long fresh, long ts)
    {
        const string threshold = "encoder output present";
        if (!s.Up)
        {
            return Item(ChecklistItems.Encoder, ItemStatus.Pending, "no stream yet", 0, threshold, ts);
        }

        var codec = m.Text(MetricKind.Stream, SF.VideoCodec, fresh);
        var value = F($"stream up {s.Uptime:0} s") + (codec is null ? ", no video" : ", " + codec);
        return Item(ChecklistItems.Encoder, codec is null ? ItemStatus.Fail : ItemStatus.Pass, value, 1, threshold, ts);
    }

    private static ChecklistItemResult Resolution(MeasurementSnapshot m, CheckContext c, StreamNow s, long fresh, long ts)
    {
        var p = c.Profile;
        var threshold = F($"≥ {p.Width}x{p.Height}");
        var (w, h) = (m.Number(MetricKind.Stream, SF.Width, fresh), m.Number(MetricKind.Stream, SF.Height, fresh));
        if (!s.Up || w is null || h is null)
        {
            return NotMeasured(ChecklistItems.Resolution, s, "no video measured", threshold, ts);
        }

        var ok = w >= p.Width && h >= p.Height;
        return Item(ChecklistItems.Resolution, ok ? ItemStatus.Pass : ItemStatus.Fail, F($"{w:0}x{h:0}"), h, threshold, ts);
    }

    private static ChecklistItemResult FrameRate(MeasurementSnapshot m, CheckContext c, StreamNow s, long fresh, long ts)
    {
        var min = c.Profile.Fps - c.FpsTolerance;
        var threshold = F($"≥ {c.Profile.Fps:0.##} fps ({min:0.##} accepted)");
        if (!s.Up || m.Number(MetricKind.Stream, SF.Fps, fresh) is not { } fps)
        {
            return NotMeasured(ChecklistItems.FrameRate, s, "no frame rate measured", threshold, ts);
        }

        return Item(ChecklistItems.FrameRate, fps >= min ? ItemStatus.Pass : ItemStatus.Fail, F($"{fps:0.##} fps"), Math.Round(fps, 3), threshold, ts);
    }

    private static ChecklistItemResult Bitrate(MeasurementSnapshot m, CheckContext c, StreamNow s, long fresh, long ts)
    {
        var p = c.Profile;
        var threshold = F($"{p.MinBitrate / 1e6:0.##}–{p.MaxBitrate / 1e6:0.##} Mbit/s");
        if (!s.Up || m.Number(MetricKind.Stream, SF.Bitrate, fresh) is not { } bps)
        {
            return NotMeasured(ChecklistItems.Bitrate, s, "no bitrate measured", threshold, ts);
        }

        var status = bps < p.MinBitrate ? ItemStatus.Fail : bps > p.MaxBitrate ? ItemStatus.Warn : ItemStatus.Pass;
        return Item(ChecklistItems.Bitrate, status, F($"{bps / 1e6:0.##} Mbit/s"), Math.Round(bps), threshold, ts);
    }

    private static ChecklistItemResult Audio(MeasurementSnapshot m, StreamNow s, long fresh, long ts)
    {
        const string threshold = "an audio track with sound";
        if (!s.Up || s.Settling && m.Boolean(MetricKind.Audio, AudioFields.Present, fresh) != true)
        {
            return NotMeasured(ChecklistItems.Audio, s, string.Empty, threshold, ts);
        }

        if (m.Boolean(MetricKind.Audio, AudioFields.Present, fresh) != true)
        {
            var codec = m.Text(MetricKind.Stream, SF.AudioCodec, fresh);
            return Item(ChecklistItems.Audio, ItemStatus.Fail, codec is null ? "no audio track" : codec + " decodes nothing", 0, threshold, ts);
        }

        if (m.Active.FirstOrDefault(a => a.Type == EventTypes.Silence) is { } silence)
        {
            return Item(ChecklistItems.Audio, ItemStatus.Fail, "silent: " + silence.Message, 0, threshold, ts);
        }

        return Item(ChecklistItems.Audio, ItemStatus.Pass, "present, " + (m.Text(MetricKind.Stream, SF.AudioCodec, fresh) ?? "audio"), 1, threshold, ts);
    }

    private static ChecklistItemResult Loudness(MeasurementSnapshot m, CheckContext c, StreamNow s, long fresh, long ts)
    {
        var o = c.Options;
        var threshold = F($"{o.LoudnessMinLufs:0.#} to {o.LoudnessMaxLufs:0.#} LUFS short-term");
        if (!s.Up || m.Number(MetricKind.Audio, AudioFields.ShortTerm, fresh) is not { } lufs)
        {
            return NotMeasured(ChecklistItems.Loudness, s, "no loudness measured", threshold, ts);
        }

        var ok = lufs >= o.LoudnessMinLufs && lufs <= o.LoudnessMaxLufs;
        return Item(ChecklistItems.Loudness, ok ? ItemStatus.Pass : ItemStatus.Warn, F($"{lufs:0.#} LUFS"), Math.Round(lufs, 2), threshold, ts);
    }

    // No value: pending while there is no stream or it has only just come up (saying which), failing after that.
    private static ChecklistItemResult NotMeasured(string id, StreamNow s, string whyWhenUp, string threshold, long ts) =>
        !s.Up ? Item(id, ItemStatus.Pending, "no stream yet", null, threshold, ts)
        : s.Settling ? Item(id, ItemStatus.Pending, F($"measuring (stream up {s.Uptime:0} s)"), null, threshold, ts)
        : Item(id, ItemStatus.Fail, whyWhenUp, null, threshold, ts);

    /// <summary>The stream as the checks see it: up (a fresh point says so), for how long, and whether that is under <see cref="MeasureGrace"/>.</summary>
    private readonly record struct StreamNow(bool Up, double Uptime, bool Settling);

    internal static ChecklistItemResult Item(string id, string status, string value, double? number, string threshold, long ts) =>
        new() { Id = id, Status = status, Value = value, Number = number, Threshold = threshold, Clause = ChecklistItems.Clause(id), At = ts };

    internal static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string VisionText(MeasurementSnapshot m, string field, long fresh) => m.Text(MetricKind.Vision, field, fresh) ?? string.Empty;

    private static bool? Commissioned(MeasurementSnapshot m, long fresh) => m.Boolean(MetricKind.Vision, VisionFields.Commissioned, fresh);
}
