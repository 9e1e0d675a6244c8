using System.Text.Json;
using System.Threading.Channels;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// Publishes the room state (retained, QoS 1, on <c>state</c>) and what the door sign shows (retained, on
/// <c>display</c>) on every change and again after every reconnect, only while connected: the last value wins, and a
/// reconnect republishes it. One loop publishes, so the broker sees the values in order.
/// </summary>
internal sealed class StatePublisher : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Func<RoomStateMessage, DisplayMessage>? _compose;
    private readonly ILogger _logger;
    private readonly string _stateTopic;
    private readonly string _displayTopic;
    private readonly Channel<RoomStateMessage> _pending = Channel.CreateBounded<RoomStateMessage>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private RoomStateMessage? _latest;

    /// <summary>Publishes through <paramref name="client"/>; <paramref name="compose"/> makes the door sign's message (null: no display message).</summary>
    public StatePublisher(IMqttClient client, string site, string room, Func<RoomStateMessage, DisplayMessage>? compose, ILogger logger)
    {
        _client = client;
        _compose = compose;
        _logger = logger;
        _stateTopic = Topic.State(site, room);
        _displayTopic = Topic.Display(site, room);
        client.ConnectionChanged += OnConnectionChanged;
    }

    /// <summary>Messages published (state and display count one each).</summary>
    public long Published { get; private set; }

    public void Publish(RoomStateMessage state)
    {
        Volatile.Write(ref _latest, state);
        _pending.Writer.TryWrite(state);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var state in _pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!_client.IsConnected)
                {
                    // The reconnect publishes the latest value.
                    continue;
                }

                try
                {
                    await _client.PublishAsync(_stateTopic, JsonSerializer.SerializeToUtf8Bytes(state, ContractsJsonContext.Default.RoomStateMessage), MqttQos.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
                    Published++;
                    if (_compose is not null)
                    {
                        var display = _compose(state);
                        await _client.PublishAsync(_displayTopic, JsonSerializer.SerializeToUtf8Bytes(display, ContractsJsonContext.Default.DisplayMessage), MqttQos.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
                        Published++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LifecycleLog.PublishFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Quiet exit.
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.ConnectionChanged -= OnConnectionChanged;
        _pending.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private void OnConnectionChanged(object? sender, MqttConnectionChangedEventArgs e)
    {
        if (e.Connected && Volatile.Read(ref _latest) is { } latest)
        {
            _pending.Writer.TryWrite(latest);
        }
    }
}
