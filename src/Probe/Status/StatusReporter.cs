using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Status;

/// <summary>
/// The room's retained <c>status</c>: <c>online</c> on every (re)connect, <c>offline</c> at a clean shutdown, and
/// <c>offline</c> as the last will the broker publishes when the edge vanishes (<see cref="Will"/>).
/// </summary>
internal sealed partial class StatusReporter : IDisposable
{
    private readonly IMqttClient _client;
    private readonly string _site;
    private readonly string _room;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _seq;

    public StatusReporter(IMqttClient client, string site, string room, TimeProvider time, ILogger logger)
    {
        _client = client;
        _site = site;
        _room = room;
        _time = time;
        _logger = logger;
        client.ConnectionChanged += OnConnectionChanged;
    }

    /// <summary>The last will: retained <c>offline</c> with ts 0 and seq 0 (the broker sends it later, on our behalf).</summary>
    public static MqttWill Will(string site, string room) =>
        new(Topic.Status(site, room), Encode(site, room, StatusMessage.Offline, 0, 0), MqttQos.AtLeastOnce, Retain: true);

    public Task PublishAsync(string status, CancellationToken cancellationToken) =>
        _client.PublishAsync(
            Topic.Status(_site, _room),
            Encode(_site, _room, status, _time.GetUtcNow().ToUnixTimeMilliseconds(), Interlocked.Increment(ref _seq)),
            MqttQos.AtLeastOnce,
            retain: true,
            cancellationToken);

    public void Dispose() => _client.ConnectionChanged -= OnConnectionChanged;

    private static byte[] Encode(string site, string room, string status, long ts, long seq) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new StatusMessage { V = SchemaVersion.Current, Site = site, Room = room, Status = status, Ts = ts, Seq = seq },
            ContractsJsonContext.Default.StatusMessage);

    private void OnConnectionChanged(object? sender, MqttConnectionChangedEventArgs e)
    {
        if (e.Connected)
        {
            _ = ObserveAsync(PublishAsync(StatusMessage.Online, CancellationToken.None));
        }
    }

    private async Task ObserveAsync(Task publish)
    {
        try
        {
            await publish.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogStatusFailed(_logger, ex);
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Publishing the online status failed")]
    private static partial void LogStatusFailed(ILogger logger, Exception exception);
}
