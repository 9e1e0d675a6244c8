using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Ingest.Influx;
using LiveRoom.Mqtt;

namespace LiveRoom.Ingest.Collecting;

/// <summary>Connecting, database set-up and the background loops' guard.</summary>
public sealed partial class Collector
{
    private static readonly TimeSpan StartRetryMin = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StartRetryMax = TimeSpan.FromSeconds(30);

    private MqttClientOptions MqttOptions()
    {
        var m = _options.Mqtt;
        return m.Session(m.ClientId) with
        {
            CleanStart = false,
            OnMessage = _handler.HandleAsync,
        };
    }

    private Task ConnectAsync(IMqttClient mqtt, CancellationToken cancellationToken) =>
        mqtt.ConnectUntilConnectedAsync(StartRetryMin, StartRetryMax, (ex, delay) => IngestLog.BrokerNotReady(_logger, Broker, ex.Message, delay), _time, cancellationToken);

    private async Task SetUpDatabaseAsync(CancellationToken cancellationToken)
    {
        var delay = StartRetryMin;
        while (true)
        {
            try
            {
                await DatabaseInitializer.EnsureAsync(_influx, _options.Influx, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or InfluxException or IOException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                IngestLog.DatabaseNotReady(_logger, _influx.BaseUri, ex.Message, delay);
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, StartRetryMax.Ticks));
        }

        var influx = _options.Influx;
        IngestLog.DatabaseReady(_logger, _influx.BaseUri, influx.Database, influx.RetentionPolicy, influx.RetentionDays);
        _pipeline!.DatabaseReady();
        _databaseReady.TrySetResult();
    }

    private async Task LogStatsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.StatsInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            IngestLog.Stats(_logger, Stats);
        }
    }

    /// <summary>Cancellation is a quiet exit; anything else is logged as an error (STYLE.md rule 10).</summary>
    private async Task Guard(string name, Task loop)
    {
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            IngestLog.LoopFailed(_logger, name, ex);
        }
    }
}
