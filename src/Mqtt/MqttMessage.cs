namespace LiveRoom.Mqtt;

/// <summary>A received message. The payload is a copy owned by the handler.</summary>
public sealed record MqttMessage(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, bool Retain);
