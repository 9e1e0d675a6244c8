namespace LiveRoom.Mqtt;

/// <summary>The broker refused, or the library failed, a publish.</summary>
public sealed class MqttPublishException : MqttException
{
    public MqttPublishException()
    {
    }

    public MqttPublishException(string message)
        : base(message)
    {
    }

    public MqttPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttPublishException(string message, int reasonCode, int libraryError = 0)
        : base(message, reasonCode, libraryError)
    {
    }
}
