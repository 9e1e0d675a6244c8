using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Mqtt;
using LiveRoom.Probe.Display;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Probe.Network;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Hosting;

/// <summary>The room lifecycle's wiring: message dispatch by topic, the checklist's context and uplink test, the door display.</summary>
internal sealed partial class ProbeWorker
{
    private (string Id, TimeZoneInfo Zone) _zone = ("UTC", TimeZoneInfo.Utc);

    /// <summary>The ack goes to the publisher; reference commands to vision; schedules and checklist commands to the lifecycle.</summary>
    private ValueTask DispatchAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (_publisher is { } publisher && message.Topic == publisher.AckTopic)
        {
            return publisher.HandleMessageAsync(message, cancellationToken);
        }

        if (_referenceHandler is { } reference && message.Topic == reference.Topic)
        {
            reference.Handle(message);
            return ValueTask.CompletedTask;
        }

        _lifecycle?.Handle(message);
        return ValueTask.CompletedTask;
    }

    private RoomLifecycle CreateLifecycle(ProbeOptions o, MeasurementTee sink, NetworkMonitor network)
    {
        var uplinkConfigured = !string.IsNullOrWhiteSpace(o.Network.UplinkUrl);
        var baseline = new CheckContext
        {
            Profile = new ShowProfile
            {
                Width = o.Profile.Width,
                Height = o.Profile.Height,
                Fps = o.Profile.Fps,
                MinBitrate = (long)o.Profile.MinBitrate,
                MaxBitrate = (long)o.Profile.MaxBitrate,
            },
            Options = o.Lifecycle,
            FpsTolerance = o.Thresholds.FpsTolerance,
            ObsEnabled = o.Obs.Enabled,
            UplinkConfigured = uplinkConfigured,
            MinUplinkMbps = o.Network.MinUplinkMbps,
            HeadroomPercent = o.Network.HeadroomPercent,
        };
        UplinkTest? uplink = uplinkConfigured
            ? async (bps, ct) =>
            {
                var (result, verdict) = await network.RunUplinkTestAsync(bps, ct).ConfigureAwait(false);
                return new UplinkOutcome(result.Ok ? result.Mbps : null, result.Error, verdict.Level, verdict.Reason);
            }
            : null;
        return new RoomLifecycle(o.Site, o.Room, o.Lifecycle, baseline, sink, uplink, time, loggers.CreateLogger<RoomLifecycle>(), s => _statePublisher?.Publish(s));
    }

    private DisplayMessage ComposeDisplay(RoomStateMessage state)
    {
        var zone = _zone;
        if (zone.Id != state.TimeZone)
        {
            // The schedule validated the zone; UTC only if the system lost it since.
            zone = (state.TimeZone, TimeZoneInfo.TryFindSystemTimeZoneById(state.TimeZone, out var found) ? found : TimeZoneInfo.Utc);
            _zone = zone;
        }

        return DisplayComposer.Compose(state, zone.Zone, time.GetUtcNow());
    }

    /// <summary>The kiosk page; a failure to listen (port taken) is logged and the edge keeps monitoring without it.</summary>
    private async Task<DoorDisplayServer?> StartDoorAsync(DoorDisplayOptions options, RoomLifecycle lifecycle, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return null;
        }

        var door = new DoorDisplayServer(lifecycle, options, time, loggers);
        try
        {
            await door.StartAsync(cancellationToken).ConfigureAwait(false);
            LogDoor(_logger, door.Address?.ToString() ?? options.Url);
            return door;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            LogDoorFailed(_logger, options.Url, ex.Message);
            await door.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    private async Task StopDoorAsync(CancellationToken cancellationToken)
    {
        if (_door is { } door)
        {
            await door.StopAsync(cancellationToken).ConfigureAwait(false);
            await door.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Door display at {Address}")]
    private static partial void LogDoor(ILogger logger, string address);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Door display could not listen on {Url}: {Reason}; the edge runs without it (Probe:Display:Url)")]
    private static partial void LogDoorFailed(ILogger logger, string url, string reason);
}
