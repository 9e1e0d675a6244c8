namespace LiveRoom.Mqtt;

/// <summary>Connection up or down, with the broker's reason code (v5) and the library's text when it went down.</summary>
public sealed class MqttConnectionChangedEventArgs(bool connected, int reasonCode, string? reason) : EventArgs
{
    public bool Connected { get; } = connected;

    public int ReasonCode { get; } = reasonCode;

    public string? Reason { get; } = reason;
}
