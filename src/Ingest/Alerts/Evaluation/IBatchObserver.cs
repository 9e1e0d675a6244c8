using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>
/// Told by the collector's workers about every validated batch and every <c>status</c> and <c>state</c> message. Called on the hot path
/// (several workers at once): implementations must be cheap, O(points), non-blocking and must not throw.
/// </summary>
public interface IBatchObserver
{
    void OnBatch(MetricBatch batch);

    /// <summary>The edge's retained <c>status</c> (online/offline, also its last will).</summary>
    void OnStatus(string site, string room, bool online);

    /// <summary>The edge's retained room <c>state</c> (issue 6), already checked to be for <paramref name="site"/>/<paramref name="room"/>.</summary>
    void OnState(string site, string room, RoomStateMessage state)
    {
    }

    /// <summary>A <c>thumbnail</c> payload of the room (issue 5 evidence; shown on the acknowledgement page).</summary>
    void OnThumbnail(string site, string room, ReadOnlySpan<byte> payload)
    {
    }
}
