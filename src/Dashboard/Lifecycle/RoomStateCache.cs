using System.Collections.Concurrent;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;

namespace LiveRoom.Dashboard.Lifecycle;

/// <summary>
/// Every room's latest retained <c>state</c> and <c>status</c> (subscribed by <see cref="Mqtt.EdgeLink"/>). A status
/// <c>offline</c> (the edge's last will) makes the room offline whatever its last state said. One bad message is counted
/// and logged, never stops the others (STYLE.md rule 11).
/// </summary>
internal sealed partial class RoomStateCache(TimeProvider time, ILogger<RoomStateCache> logger)
{
    private readonly ConcurrentDictionary<(string Site, string Room), Entry> _rooms = new();
    private long _rejected;

    public long Rejected => Interlocked.Read(ref _rejected);

    public ValueTask HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        try
        {
            Handle(message);
        }
        catch (JsonException ex)
        {
            Reject(message.Topic, "not valid JSON: " + ex.Message);
        }

        return ValueTask.CompletedTask;
    }

    public RoomStateView? Get(string site, string room) =>
        _rooms.TryGetValue((site, room), out var entry) ? View(site, room, entry) : null;

    public IReadOnlyList<RoomStateView> All() =>
        _rooms.OrderBy(p => p.Key.Site, StringComparer.Ordinal).ThenBy(p => p.Key.Room, StringComparer.Ordinal)
            .Select(p => View(p.Key.Site, p.Key.Room, p.Value))
            .ToList();

    private void Handle(MqttMessage message)
    {
        if (!ParsedTopic.TryParse(message.Topic, out var topic, out var reason))
        {
            Reject(message.Topic, reason);
            return;
        }

        var key = (topic.Site, topic.Room);
        var now = time.GetUtcNow();
        if (topic.Channel == TopicChannel.State)
        {
            if (message.Payload.IsEmpty)
            {
                _rooms.AddOrUpdate(key, _ => new Entry(null, null, now), (_, e) => e with { State = null, ReceivedAt = now });
                return;
            }

            var state = JsonSerializer.Deserialize(message.Payload.Span, ContractsJsonContext.Default.RoomStateMessage);
            if (state is null || state.Site != topic.Site || state.Room != topic.Room || !RoomStates.All.Contains(state.State))
            {
                Reject(message.Topic, "state message names another room or an unknown state");
                return;
            }

            _rooms.AddOrUpdate(key, _ => new Entry(state, null, now), (_, e) => e with { State = state, ReceivedAt = now });
        }
        else if (topic.Channel == TopicChannel.Status)
        {
            var status = message.Payload.IsEmpty ? null : JsonSerializer.Deserialize(message.Payload.Span, ContractsJsonContext.Default.StatusMessage);
            if (status is not null && status.Status is not (StatusMessage.Online or StatusMessage.Offline))
            {
                Reject(message.Topic, $"status '{status.Status}' is neither online nor offline");
                return;
            }

            _rooms.AddOrUpdate(key, _ => new Entry(null, status, now), (_, e) => e with { Status = status, ReceivedAt = now });
        }
    }

    private void Reject(string topic, string reason)
    {
        Interlocked.Increment(ref _rejected);
        LogRejected(logger, topic, reason);
    }

    private static RoomStateView View(string site, string room, Entry e)
    {
        var offline = e.Status?.Status == StatusMessage.Offline;
        var s = e.State;
        var word = offline ? RoomStates.Offline : s?.State ?? RoomStateView.Unknown;
        DateTimeOffset? since = offline
            ? (e.Status!.Ts > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(e.Status.Ts) : e.ReceivedAt)
            : s is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(s.Since);
        return new RoomStateView(
            site,
            room,
            word,
            e.Status is null ? null : !offline,
            since,
            offline ? string.Empty : s?.Reason ?? string.Empty,
            !offline && s?.Unscheduled == true,
            s?.Show,
            s?.Next,
            offline ? null : s?.Checklist,
            s?.TimeZone,
            e.ReceivedAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room state message on {Topic} ignored: {Reason}")]
    private static partial void LogRejected(ILogger logger, string topic, string reason);

    private sealed record Entry(RoomStateMessage? State, StatusMessage? Status, DateTimeOffset ReceivedAt);
}
