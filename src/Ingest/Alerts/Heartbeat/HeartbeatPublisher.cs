using System.Globalization;
using System.Text;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Alerts.Heartbeat;

/// <summary>
/// Dead-man's switch, collector side (issue 7 item 7): an own MQTT session publishes
/// <c>{"status":"alive","ts":…,"influx":true|false}</c> retained on <see cref="AlertDefaults.HeartbeatTopic"/> every
/// interval, with <c>{"status":"dead"}</c> as its last will. A watchdog that does not depend on the collector
/// (<see cref="HeartbeatWatchdog"/> on an edge or a second machine) tells someone when it goes stale or dead.
/// With primary/standby collectors (<see cref="Standby.StandbyOptions"/>) both messages also name the instance.
/// </summary>
public sealed class HeartbeatPublisher(IMqttClient client, TimeSpan interval, Func<bool> influxHealthy, ILogger logger, TimeProvider time, string? instance = null)
{
    /// <summary>The last will of <paramref name="instance"/>'s heartbeat session (no instance: a single collector).</summary>
    public static MqttWill WillOf(string? instance) =>
        new(AlertDefaults.HeartbeatTopic, Encoding.UTF8.GetBytes("{\"status\":\"dead\",\"ts\":0" + InstanceField(instance) + "}"), MqttQos.AtLeastOnce, true);

    public static byte[] Payload(DateTimeOffset now, bool influx, string? instance = null) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"status\":\"alive\",\"ts\":{now.ToUnixTimeMilliseconds()},\"influx\":{(influx ? "true" : "false")}{InstanceField(instance)}}}"));

    /// <summary>A clean stop: the broker does not send the will then, so the collector says it itself.</summary>
    public static byte[] Stopped(string? instance) => Encoding.UTF8.GetBytes("{\"status\":\"stopped\",\"ts\":0" + InstanceField(instance) + "}");

    // Instance names are checked at start (letters, digits, '.', '_', '-'), so they need no JSON escaping.
    private static string InstanceField(string? instance) => instance is null ? string.Empty : ",\"instance\":\"" + instance + "\"";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (MqttConnectException ex)
            {
                // The broker is not up yet; the client reconnects by itself once connected.
                AlertLog.HeartbeatFailed(logger, ex.Message);
            }

            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await client.PublishAsync(AlertDefaults.HeartbeatTopic, Payload(time.GetUtcNow(), influxHealthy(), instance), MqttQos.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
            }
            catch (MqttException ex)
            {
                AlertLog.HeartbeatFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
