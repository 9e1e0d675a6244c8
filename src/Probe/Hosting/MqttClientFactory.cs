using LiveRoom.Mqtt;

namespace LiveRoom.Probe.Hosting;

/// <summary>Makes the edge's MQTT client; the default binds libmosquitto (<see cref="MosquittoClient"/>).</summary>
public delegate IMqttClient MqttClientFactory(MqttClientOptions options);
