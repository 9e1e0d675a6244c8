namespace LiveRoom.Mqtt;

/// <summary>A last will message.</summary>
public sealed record MqttWill(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, bool Retain);
