using LiveRoom.Contracts.Topics;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Alerts.Heartbeat;

/// <summary>
/// Dead-man's switch, collector side (issue 7 item 7): an own MQTT session publishes <see cref="CollectorHeartbeat.Alive"/>
/// retained on <see cref="Contracts.Topics.Topic.CollectorHeartbeat"/> every interval (which the message names, so readers know when
/// it is overdue), with <see cref="CollectorHeartbeat.Dead"/> as its last will. A watchdog that does not depend on the
/// collector (<see cref="HeartbeatWatchdog"/> on an edge or a second machine) tells someone when it goes stale or dead;
/// the dashboard shows it. With primary/standby collectors (<see cref="Standby.StandbyOptions"/>) both messages also
/// name the instance.
/// </summary>
/// <remarks>spillPending: write batches waiting in the collector's spill buffer, reported with each heartbeat (null: not reported).</remarks>
public sealed class HeartbeatPublisher(IMqttClient client, TimeSpan interval, Func<bool> influxHealthy, ILogger logger, TimeProvider time, string? instance = null, Func<long>? spillPending = null)
{
    /// <summary>The last will of <paramref name="instance"/>'s heartbeat session (no instance: a single collector).</summary>
    public static MqttWill WillOf(string? instance) => new(Topic.CollectorHeartbeat, CollectorHeartbeat.Dead(instance), MqttQos.AtLeastOnce, true);

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
                await client.PublishAsync(Topic.CollectorHeartbeat, CollectorHeartbeat.Alive(time.GetUtcNow(), influxHealthy(), instance, interval, spillPending?.Invoke()), MqttQos.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
            }
            catch (MqttException ex)
            {
                AlertLog.HeartbeatFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
