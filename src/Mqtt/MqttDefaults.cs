namespace LiveRoom.Mqtt;

/// <summary>Documented defaults of <see cref="MqttClientOptions"/>.</summary>
public static class MqttDefaults
{
    public const int Port = 1883;
    public const int MaxInflight = 100;
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan SessionExpiry = TimeSpan.FromDays(7);
    public static readonly TimeSpan ReconnectMinDelay = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan ReconnectMaxDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
}
