using System.Collections.Concurrent;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Mqtt;

/// <summary>
/// Keeps every room's edge holding its current schedule (issue 6 item 1): a change marks the room dirty; while
/// connected, dirty rooms are published retained (QoS 1) on <c>cmd/schedule</c>, built fresh from the store; a room stays
/// dirty until the broker acknowledges, so a broker outage loses nothing — the reconnect publishes what changed.
/// </summary>
internal sealed partial class SchedulePublisher(ScheduleStore store, IOptions<DashboardOptions> options, TimeProvider time, ILogger<SchedulePublisher> logger)
    : IScheduleChanges
{
    /// <summary>Retry delay while a room stays dirty and the broker is connected (after a refusal or a timeout).</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Site, string Room), long> _dirty = new();
    private readonly System.Threading.Channels.Channel<bool> _wake = System.Threading.Channels.Channel.CreateBounded<bool>(
        new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    private long _version;
    private long _published;

    /// <summary>Rooms whose schedule the edge may not have yet.</summary>
    public int DirtyCount => _dirty.Count;

    /// <summary>Schedules the broker acknowledged since start.</summary>
    public long Published => Interlocked.Read(ref _published);

    public void RoomChanged(string site, string room)
    {
        if (!options.Value.Mqtt.Enabled)
        {
            return;
        }

        _dirty[(site, room)] = Interlocked.Increment(ref _version);
        Wake();
    }

    /// <summary>Marks every stored room (at start, and every <c>RefreshInterval</c>).</summary>
    public void MarkAll()
    {
        foreach (var room in store.ListRooms())
        {
            RoomChanged(room.Site, room.Id);
        }
    }

    /// <summary>Look at the dirty rooms now (after a reconnect).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    public async Task RunAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var mqtt = options.Value.Mqtt;
        var nextRefresh = time.GetUtcNow() + mqtt.RefreshInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (time.GetUtcNow() >= nextRefresh)
            {
                MarkAll();
                nextRefresh = time.GetUtcNow() + mqtt.RefreshInterval;
            }

            if (client.IsConnected && !_dirty.IsEmpty)
            {
                await PublishDirtyAsync(client, mqtt.PublishTimeout, cancellationToken).ConfigureAwait(false);
            }

            var wait = client.IsConnected && !_dirty.IsEmpty ? RetryDelay : nextRefresh - time.GetUtcNow();
            using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var woken = _wake.Reader.WaitToReadAsync(delay.Token).AsTask();
            var timer = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, delay.Token);
            await Task.WhenAny(woken, timer).ConfigureAwait(false);
            await delay.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            while (_wake.Reader.TryRead(out _))
            {
            }
        }
    }

    /// <summary>The retained payload for a room: its schedule, or empty (clears the retained message) when the room is gone.</summary>
    public byte[] Build(string site, string room)
    {
        if (store.FindSite(site) is not { } s || store.FindRoom(site, room) is null)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var message = new ScheduleMessage
        {
            V = SchemaVersion.Current,
            Site = site,
            Room = room,
            Ts = now.ToUnixTimeMilliseconds(),
            TimeZone = s.TimeZone,
            Shows = store.Upcoming(site, room, now, ScheduleMessage.MaxShows).Select(x => x.ToScheduled()).ToList(),
            Manual = s.Manual,
        };
        return JsonSerializer.SerializeToUtf8Bytes(message, ContractsJsonContext.Default.ScheduleMessage);
    }

    private async Task PublishDirtyAsync(IMqttClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        foreach (var (key, version) in _dirty.ToArray())
        {
            if (!client.IsConnected)
            {
                return;
            }

            var topic = Topic.Command(key.Site, key.Room, CommandName.Schedule);
            try
            {
                var payload = Build(key.Site, key.Room);
                await client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, retain: true, cancellationToken)
                    .WaitAsync(timeout, time, cancellationToken)
                    .ConfigureAwait(false);

                // Only if nothing changed meanwhile; otherwise the newer change is published next round.
                _dirty.TryRemove(new KeyValuePair<(string, string), long>(key, version));
                Interlocked.Increment(ref _published);
                LogPublished(logger, topic, payload.Length);
            }
            catch (Exception ex) when (ex is MqttException or TimeoutException)
            {
                LogPublishFailed(logger, topic, ex.Message);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule published on {Topic} ({Bytes} bytes, retained)")]
    private static partial void LogPublished(ILogger logger, string topic, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule not published on {Topic}: {Reason}; kept for the next try")]
    private static partial void LogPublishFailed(ILogger logger, string topic, string reason);
}
