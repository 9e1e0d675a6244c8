namespace LiveRoom.Mqtt.Interop;

/// <summary>A filter the client keeps subscribed (renewed after every reconnect), and the callers waiting for its SUBACK.</summary>
internal sealed class Subscription(string filter, int qos)
{
    public string Filter { get; } = filter;

    public int Qos { get; set; } = qos;

    public List<TaskCompletionSource> Waiters { get; } = [];

    /// <summary>True once the broker granted it at least once.</summary>
    public bool Granted { get; set; }
}
