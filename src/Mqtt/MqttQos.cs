namespace LiveRoom.Mqtt;

/// <summary>MQTT quality of service.</summary>
public enum MqttQos
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}
