namespace LiveRoom.Mqtt;

/// <summary>The broker refused, or the library failed, a subscribe.</summary>
public sealed class MqttSubscribeException : MqttException
{
    public MqttSubscribeException()
    {
    }

    public MqttSubscribeException(string message)
        : base(message)
    {
    }

    public MqttSubscribeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttSubscribeException(string message, int reasonCode, int libraryError = 0)
        : base(message, reasonCode, libraryError)
    {
    }
}
