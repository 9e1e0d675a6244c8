using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Probe.Tests.Publishing;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Tests.Lifecycle;

/// <summary>State and display go out retained on every change and again after a reconnect, only while connected.</summary>
public sealed class StatePublisherTests
{
    private static RoomStateMessage State(string state) =>
        new() { V = SchemaVersion.Current, Site = "s1", Room = "r1", Ts = 1, State = state, Since = 1 };

    private static DisplayMessage Display(RoomStateMessage s) =>
        new() { V = 1, State = s.State, Chinese = "空闲", English = s.State.ToUpperInvariant(), Colour = "2da44e", OnAir = false, Ts = 0 };

    [Fact]
    public async Task Publish_WhileDisconnected_NothingThenTheLatestAfterReconnect()
    {
        var client = new RecordingMqttClient();
        await using var publisher = new StatePublisher(client, "s1", "r1", Display, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var loop = publisher.RunAsync(stop.Token);

        publisher.Publish(State(RoomStates.Booked));
        publisher.Publish(State(RoomStates.Ready));
        await Task.Delay(100);
        Assert.Empty(client.Published);

        client.SetConnected(true);
        await Eventually.WaitAsync(() => client.Published.Count >= 2, TimeSpan.FromSeconds(10), "state and display after the reconnect");
        Assert.Equal([Topic.State("s1", "r1"), Topic.Display("s1", "r1")], client.Published.Select(p => p.Topic));
        Assert.Equal(RoomStates.Ready, JsonSerializer.Deserialize(client.Published[0].Payload, ContractsJsonContext.Default.RoomStateMessage)!.State);
        Assert.Equal("READY", JsonSerializer.Deserialize(client.Published[1].Payload, ContractsJsonContext.Default.DisplayMessage)!.English);

        publisher.Publish(State(RoomStates.Live));
        await Eventually.WaitAsync(() => client.Published.Count >= 4, TimeSpan.FromSeconds(10), "the change");
        Assert.Equal(RoomStates.Live, JsonSerializer.Deserialize(client.Published[2].Payload, ContractsJsonContext.Default.RoomStateMessage)!.State);

        await stop.CancelAsync();
        await loop;
    }
}
