namespace LiveRoom.Ingest.Security;

/// <summary>One topic filter an account may publish to (<see cref="Write"/>) and/or subscribe to and receive (<see cref="Read"/>).</summary>
internal readonly record struct TopicGrant(string Filter, bool Read, bool Write)
{
    public static TopicGrant ReadOnly(string filter) => new(filter, Read: true, Write: false);

    public static TopicGrant WriteOnly(string filter) => new(filter, Read: false, Write: true);
}
