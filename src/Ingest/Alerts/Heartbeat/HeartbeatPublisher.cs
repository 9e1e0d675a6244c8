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
/// </summary>
public sealed class HeartbeatPublisher(IMqttClient client, TimeSpan interval, Func<bool> influxHealthy, ILogger logger, TimeProvider time)
{
    public static MqttWill Will => new(AlertDefaults.HeartbeatTopic, Encoding.UTF8.GetBytes("{\"status\":\"dead\",\"ts\":0}"), MqttQos.AtLeastOnce, true);

    public static byte[] Payload(DateTimeOffset now, bool influx) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"status\":\"alive\",\"ts\":{now.ToUnixTimeMilliseconds()},\"influx\":{(influx ? "true" : "false")}}}"));

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
                await client.PublishAsync(AlertDefaults.HeartbeatTopic, Payload(time.GetUtcNow(), influxHealthy()), MqttQos.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
            }
            catch (MqttException ex)
            {
                AlertLog.HeartbeatFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
