using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>
/// Told by the collector's workers about every validated batch and every <c>status</c> message. Called on the hot path
/// (several workers at once): implementations must be cheap, O(points), non-blocking and must not throw.
/// </summary>
public interface IBatchObserver
{
    void OnBatch(MetricBatch batch);

    /// <summary>The edge's retained <c>status</c> (online/offline, also its last will).</summary>
    void OnStatus(string site, string room, bool online);
}
