namespace LiveRoom.Mqtt;

/// <summary>Base of MQTT failures. <see cref="ReasonCode"/> is the v5 reason code, or -1 when the failure is the library's own (then <see cref="LibraryError"/> is set).</summary>
public class MqttException : Exception
{
    public MqttException()
    {
    }

    public MqttException(string message)
        : base(message)
    {
    }

    public MqttException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttException(string message, int reasonCode, int libraryError = 0)
        : base(message)
    {
        ReasonCode = reasonCode;
        LibraryError = libraryError;
    }

    public int ReasonCode { get; } = -1;

    /// <summary>libmosquitto's MOSQ_ERR_* value, 0 when not applicable.</summary>
    public int LibraryError { get; }
}
