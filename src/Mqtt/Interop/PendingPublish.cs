namespace LiveRoom.Mqtt.Interop;

/// <summary>
/// A QoS 1/2 publish handed to libmosquitto and waiting for PUBACK/PUBCOMP. Message ids are 16-bit and
/// recycled; should more than 65,535 be outstanding (a long outage), equal ids are chained oldest first,
/// which is the order the library resends and the broker acknowledges them.
/// </summary>
internal sealed class PendingPublish(string topic, TaskCompletionSource completion)
{
    public string Topic { get; } = topic;

    public TaskCompletionSource Completion { get; } = completion;

    public PendingPublish? Next { get; set; }
}
