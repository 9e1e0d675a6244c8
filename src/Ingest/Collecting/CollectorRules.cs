using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Validation;
using LiveRoom.Ingest.LineProtocol;

namespace LiveRoom.Ingest.Collecting;

/// <summary>
/// Checks the collector adds to <see cref="PayloadValidator"/> because of how it stores points: the field name
/// <c>seq</c> carries the sequence number, and the nanosecond timestamp must fit InfluxDB's int64 time.
/// </summary>
internal static class CollectorRules
{
    public static Rejection? Check(MetricBatch batch)
    {
        for (var i = 0; i < batch.Points.Count; i++)
        {
            var point = batch.Points[i];
            if (point.Fields.ContainsKey(LineProtocolEncoder.SequenceField))
            {
                return new(RejectReason.BadIdentifier, $"points[{i}]: field key '{LineProtocolEncoder.SequenceField}' is reserved for the sequence number");
            }

            if (point.Ts > LineProtocolEncoder.MaxTimestampMs)
            {
                return new(RejectReason.BadTimestamp, $"points[{i}]: ts {point.Ts} is beyond InfluxDB's time range");
            }
        }

        return null;
    }
}
