namespace LiveRoom.Ingest.Standby;

/// <summary>Something a collector keeps a copy of from the active one, read through the <see cref="CollectorLease"/>'s session.</summary>
public interface IReplicaFollower
{
    /// <summary>What to subscribe to.</summary>
    string TopicFilter { get; }

    bool Accepts(string topic);

    /// <param name="topic">The message's topic (one <see cref="Accepts"/> said yes to).</param>
    /// <param name="payload">Its payload.</param>
    /// <param name="active">Whether this collector is the active one by now.</param>
    void OnMessage(string topic, ReadOnlySpan<byte> payload, bool active);
}
