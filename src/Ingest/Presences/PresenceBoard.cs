using System.Collections.Concurrent;
using LiveRoom.Mqtt;

namespace LiveRoom.Ingest.Presences;

/// <summary>
/// Reads and clears the retained presences on the broker with the collector's account (which reads and writes
/// <c>liveroom-sys/#</c>): a short session of its own (clean start, its own client id), gone when disposed.
/// </summary>
internal sealed class PresenceBoard : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RetainedPresence?> _seen = new(StringComparer.Ordinal);
    private readonly IMqttClient _client;
    private readonly TimeProvider _time;
    private long _lastMessageTicks;

    public PresenceBoard(Func<MqttClientOptions, IMqttClient> factory, MqttClientOptions session, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(session);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _client = factory(session with { CleanStart = true, OnMessage = OnMessageAsync });
    }

    /// <summary>How long the broker may stay quiet after the subscriptions before the retained messages count as all read.</summary>
    public static TimeSpan Settle { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Connects, subscribes to every kind's presences and returns the ones the broker holds, by kind and instance.</summary>
    /// <exception cref="MqttException">The broker refused the connection or a subscription.</exception>
    public async Task<IReadOnlyList<RetainedPresence>> ReadAsync(CancellationToken cancellationToken)
    {
        await _client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var kind in PresenceKind.All)
        {
            await _client.SubscribeAsync(kind.Prefix + "+", MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        }

        // The broker sends the retained messages right after each SUBACK: read until it has been quiet for a while.
        Touch();
        while (_time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastMessageTicks) < Settle.Ticks)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
        }

        return [.. _seen.Values.OfType<RetainedPresence>().OrderBy(p => Array.IndexOf(PresenceKind.All, p.Kind)).ThenBy(p => p.Instance, StringComparer.Ordinal)];
    }

    /// <summary>Clears <paramref name="presence"/> (an empty retained message), waiting for the broker's acknowledgement.</summary>
    public Task ClearAsync(RetainedPresence presence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presence);
        return _client.PublishAsync(presence.Topic, ReadOnlyMemory<byte>.Empty, MqttQos.AtLeastOnce, retain: true, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (MqttException)
            {
                // Gone already: nothing to say goodbye to.
            }
        }

        await _client.DisposeAsync().ConfigureAwait(false);
    }

    private ValueTask OnMessageAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        Touch();
        if (PresenceKind.Of(message.Topic) is { } kind)
        {
            // An empty message is a presence cleared meanwhile.
            _seen[message.Topic] = message.Payload.IsEmpty ? null : RetainedPresence.Read(kind, message.Topic, message.Payload.Span);
        }

        return ValueTask.CompletedTask;
    }

    private void Touch() => Interlocked.Exchange(ref _lastMessageTicks, _time.GetUtcNow().UtcTicks);
}
