using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Outbox;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Outbox;

internal static class OutboxTestData
{
    public static MetricPoint Point(long ts, double value = 1, string kind = MetricKind.Stream) => new()
    {
        Seq = 0,
        Ts = ts,
        Kind = kind,
        Fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { ["value"] = value },
    };

    public static DiskOutbox Open(TempDirectory dir, FakeTimeProvider time, long maxBytes = ProbeDefaults.OutboxMaxBytes, long segmentBytes = ProbeDefaults.OutboxSegmentBytes) =>
        DiskOutbox.Open(new OutboxOptions { Directory = dir.Path, MaxBytes = maxBytes, SegmentBytes = segmentBytes }, time);

    public static List<MetricPoint> ReadAll(DiskOutbox outbox, long from = 1)
    {
        var all = new List<MetricPoint>();
        while (true)
        {
            var batch = outbox.Read(from, 1000, int.MaxValue);
            if (batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch.Select(p => p.Point));
            from = batch[^1].Point.Seq + 1;
        }
    }
}
