using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.HostHealth;
using LiveRoom.Probe.Network;
using LiveRoom.Probe.Obs;
using LiveRoom.Probe.Vision;

namespace LiveRoom.Probe.Lifecycle;

public static partial class AutomaticChecks
{
    private static readonly string[] FramingFaults = [VisionFields.CameraBlocked, VisionFields.FramingDrift, VisionFields.OutOfFocus];
    private static readonly string[] LightingFaults = [VisionFields.CameraBlocked, VisionFields.TooDark, VisionFields.Overexposed];
    private static readonly string[] LightingWarnings = [VisionFields.SeatNotLit, VisionFields.ColourCast, VisionFields.LightChanged];

    private static ChecklistItemResult Ingest(MeasurementSnapshot m, CheckContext c, DateTimeOffset now)
    {
        var o = c.Options;
        var ts = now.ToUnixTimeMilliseconds();
        var since = (now - LifecycleDefaults.MaxMeasurementAge).ToUnixTimeMilliseconds();
        var threshold = F($"RTT ≤ {o.MaxRttMs:0.#} ms, loss ≤ {o.MaxLossPercent:0.#} %");
        var loss = m.Number(MetricKind.Network, NetworkPoints.LossPercent, since);
        if (loss is null)
        {
            return Item(ChecklistItems.Ingest, ItemStatus.Pending, "no RTT measurement yet", null, threshold, ts);
        }

        var rtt = m.Number(MetricKind.Network, NetworkPoints.RttMs, since);
        if (rtt is null || loss >= 100)
        {
            return Item(ChecklistItems.Ingest, ItemStatus.Fail, "ingest unreachable", null, threshold, ts);
        }

        var value = F($"RTT {rtt:0.#} ms, loss {loss:0.#} %");
        var status = loss > o.MaxLossPercent || rtt > 2 * o.MaxRttMs ? ItemStatus.Fail : rtt > o.MaxRttMs ? ItemStatus.Warn : ItemStatus.Pass;
        return Item(ChecklistItems.Ingest, status, value, Math.Round(rtt.Value, 3), threshold, ts);
    }

    private static ChecklistItemResult Obs(MeasurementSnapshot m, CheckContext c, DateTimeOffset now)
    {
        var ts = now.ToUnixTimeMilliseconds();
        var since = (now - LifecycleDefaults.MaxMeasurementAge).ToUnixTimeMilliseconds();
        var threshold = F($"connected, network drops ≤ {c.Options.MaxObsDroppedPercent:0.##} %, no encoder or render lag");
        switch (m.Boolean(ObsDefaults.Kind, ObsPoints.Connected, since))
        {
            case null:
                return Item(ChecklistItems.Obs, ItemStatus.Pending, "OBS not polled yet", null, threshold, ts);
            case false:
                return Item(ChecklistItems.Obs, ItemStatus.Fail, "OBS not connected", null, threshold, ts);
        }

        var dropped = m.Number(ObsDefaults.Kind, ObsPoints.NetworkDroppedPercent, since) ?? 0;
        var lag = (m.Number(ObsDefaults.Kind, ObsPoints.EncoderSkipped + ObsPoints.DeltaSuffix, since) ?? 0)
            + (m.Number(ObsDefaults.Kind, ObsPoints.RenderSkipped + ObsPoints.DeltaSuffix, since) ?? 0);
        var value = F($"connected, {dropped:0.##} % dropped, {lag:0} frames skipped by lag");
        var status = dropped > c.Options.MaxObsDroppedPercent ? ItemStatus.Fail : lag > 0 ? ItemStatus.Warn : ItemStatus.Pass;
        return Item(ChecklistItems.Obs, status, value, Math.Round(dropped, 3), threshold, ts);
    }

    private static ChecklistItemResult Disk(MeasurementSnapshot m, CheckContext c, DateTimeOffset now)
    {
        var ts = now.ToUnixTimeMilliseconds();
        var min = c.Options.MinDiskFreeGiB;
        var threshold = F($"≥ {min:0.#} GiB free for recording");
        if (m.Number(MetricKind.Host, HostPoints.DiskFreeBytes, (now - LifecycleDefaults.MaxMeasurementAge).ToUnixTimeMilliseconds()) is not { } bytes)
        {
            return Item(ChecklistItems.Disk, ItemStatus.Pending, "disk not measured yet", null, threshold, ts);
        }

        var gib = bytes / (1L << 30);
        var status = gib >= min ? ItemStatus.Pass : gib >= min / 4 ? ItemStatus.Warn : ItemStatus.Fail;
        return Item(ChecklistItems.Disk, status, F($"{gib:0.#} GiB free"), Math.Round(gib, 3), threshold, ts);
    }

    private static ChecklistItemResult Clock(MeasurementSnapshot m, CheckContext c, DateTimeOffset now)
    {
        var ts = now.ToUnixTimeMilliseconds();
        var max = c.Options.MaxClockOffsetMs;
        var threshold = F($"|offset| ≤ {max:0} ms against the collector");
        if (m.Number(MetricKind.Host, HostPoints.ClockOffsetMs, (now - LifecycleDefaults.MaxMeasurementAge).ToUnixTimeMilliseconds()) is not { } offset)
        {
            return c.UplinkConfigured
                ? Item(ChecklistItems.Clock, ItemStatus.Pending, "no clock exchange yet", null, threshold, ts)
                : Item(ChecklistItems.Clock, ItemStatus.Warn, "no clock reference configured (Probe:Network:UplinkUrl)", null, threshold, ts);
        }

        return Item(ChecklistItems.Clock, Math.Abs(offset) <= max ? ItemStatus.Pass : ItemStatus.Fail, F($"{offset:+0;-0;0} ms"), Math.Round(offset, 3), threshold, ts);
    }

    private static ChecklistItemResult Framing(MeasurementSnapshot m, bool up, long fresh, long ts)
    {
        const string threshold = "backdrop and desk framed as the reference";
        if (FirstActive(m, FramingFaults) is { } fault)
        {
            return Item(ChecklistItems.Framing, ItemStatus.Fail, fault.Type + ": " + fault.Message, 0, threshold, ts);
        }

        switch (Commissioned(m, fresh))
        {
            case null:
                return Item(ChecklistItems.Framing, ItemStatus.Pending, up ? "no picture analysed yet" : "no stream yet", null, threshold, ts);
            case false:
                return Item(ChecklistItems.Framing, ItemStatus.Warn, VisionFields.NotCommissioned(m.Text(MetricKind.Vision, VisionFields.ReferenceProblem, fresh)), null, threshold, ts);
        }

        var similarity = m.Number(MetricKind.Vision, VisionFields.Similarity, fresh);
        var matched = m.Boolean(MetricKind.Vision, VisionFields.FramingMatched, fresh) == true;
        var value = matched ? F($"matches the reference (similarity {similarity ?? 0:0.00})") : "does not match the reference";
        return Item(ChecklistItems.Framing, matched ? ItemStatus.Pass : ItemStatus.Fail, value, similarity is { } s ? Math.Round(s, 3) : null, threshold, ts);
    }

    private static ChecklistItemResult Lighting(MeasurementSnapshot m, bool up, long fresh, long ts)
    {
        const string threshold = "exposure, seat lighting and colour as the reference";
        var luma = m.Number(MetricKind.Vision, VisionFields.LumaMean, fresh);
        if (FirstActive(m, LightingFaults) is { } fault)
        {
            return Item(ChecklistItems.Lighting, ItemStatus.Fail, fault.Type + ": " + fault.Message, luma, threshold, ts);
        }

        var commissioned = Commissioned(m, fresh);
        if (commissioned is null || luma is null)
        {
            return Item(ChecklistItems.Lighting, ItemStatus.Pending, up ? "no picture analysed yet" : "no stream yet", null, threshold, ts);
        }

        if (FirstActive(m, LightingWarnings) is { } warning)
        {
            return Item(ChecklistItems.Lighting, ItemStatus.Warn, warning.Type + ": " + warning.Message, luma, threshold, ts);
        }

        return commissioned == true
            ? Item(ChecklistItems.Lighting, ItemStatus.Pass, F($"mean luma {luma:0}"), Math.Round(luma.Value, 2), threshold, ts)
            : Item(ChecklistItems.Lighting, ItemStatus.Warn, F($"not commissioned (overall exposure only): mean luma {luma:0}"), Math.Round(luma.Value, 2), threshold, ts);
    }

    private static ActiveEvent? FirstActive(MeasurementSnapshot m, string[] types) =>
        types.Select(t => m.Active.FirstOrDefault(a => a.Type == t)).FirstOrDefault(a => a is not null);
}
