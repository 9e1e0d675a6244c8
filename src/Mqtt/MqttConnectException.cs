namespace LiveRoom.Mqtt;

/// <summary>The broker refused, or the library failed, a connect.</summary>
public sealed class MqttConnectException : MqttException
{
    public MqttConnectException()
    {
    }

    public MqttConnectException(string message)
        : base(message)
    {
    }

    public MqttConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttConnectException(string message, int reasonCode, int libraryError = 0)
        : base(message, reasonCode, libraryError)
    {
    }
}
