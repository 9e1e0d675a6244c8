namespace LiveRoom.Ingest.Security;

/// <summary>What a generated broker account is for; decides its ACL and dynamic-security role.</summary>
public enum BrokerUserKind
{
    /// <summary>A room's edge, <c>edge-{site}-{room}</c>: writes its own room's channels, reads its own <c>cmd/#</c> and <c>ack</c>.</summary>
    Edge,

    /// <summary>The collector: reads and writes every room, writes system topics.</summary>
    Collector,

    /// <summary>The dashboard: writes every room's <c>cmd/#</c>, reads every room's <c>state</c>, <c>status</c> and <c>thumbnail</c>.</summary>
    Dashboard,

    /// <summary>A room's door sign, <c>sign-{site}-{room}</c>: reads its own room's <c>display</c>, <c>state</c> and <c>status</c>, writes nothing.</summary>
    Sign,
}
