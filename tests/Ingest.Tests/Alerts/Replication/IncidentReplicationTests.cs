using System.Text;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Replication;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Alerts.Store;
using LiveRoom.Ingest.Standby;
using LiveRoom.Ingest.Tests.Alerts.Support;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Mqtt;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Ingest.Tests.Alerts.Replication;

/// <summary>
/// The standby's copy of the active collector's incident records (seed clauses 4.3, 8.4): every record at start and on
/// every change, each copy replacing the last, kept in the standby's store; bad copies refused with the reason.
/// </summary>
public sealed class IncidentReplicationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TwoCollectors _collectors = new();
    private readonly AlertService _active;
    private readonly AlertService _standby;

    public IncidentReplicationTests()
    {
        _active = _collectors.Active;
        _standby = _collectors.Standby;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _collectors.DisposeAsync().AsTask();

    [Fact]
    public async Task Publisher_SendsEveryRecordAtStart_AndEachChange_RetainedUnderItsAlert_AndAllAgainOnReconnect()
    {
        _active.Incidents.Record(Alert("aaaa000000000001"), IncidentEventKind.Fired, T0);
        var client = new FakeMqttClient(new MqttClientOptions { Host = "127.0.0.1", ClientId = "hb" });
        await client.ConnectAsync(CancellationToken.None);
        var publisher = new IncidentPublisher(client, _active.Incidents, "a", TimeSpan.FromDays(365 * 5), NullLogger.Instance, TimeProvider.System);
        _active.Incidents.Recorded += publisher.Changed;
        using var stop = new CancellationTokenSource();
        var run = publisher.RunAsync(stop.Token);

        await WaitForAsync(client, 1);
        _active.Incidents.Record(Alert("aaaa000000000001", AlertState.Acknowledged), IncidentEventKind.Acknowledged, T0.AddMinutes(1), "wang");
        _active.Incidents.Record(Alert("aaaa000000000002"), IncidentEventKind.Fired, T0.AddMinutes(2));
        await WaitForAsync(client, 3);
        await client.DisconnectAsync(CancellationToken.None);
        await client.ConnectAsync(CancellationToken.None);
        await WaitForAsync(client, 5);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var published = client.Published.ToArray();
        Assert.All(published, m => Assert.True(m.Retain && m.Qos == MqttQos.AtLeastOnce));
        Assert.Equal(
            [IncidentCopy.TopicOf("aaaa000000000001"), IncidentCopy.TopicOf("aaaa000000000001"), IncidentCopy.TopicOf("aaaa000000000002")],
            published.Take(3).Select(m => m.Topic));
        var latest = IncidentCopy.Parse(published[1].Topic, published[1].Payload.Span, out _)!;
        Assert.Equal(("a", AlertState.Acknowledged, 2), (latest.Instance, latest.Alert!.State, latest.Timeline.Count));
        Assert.Equal(published.Take(3).Select(m => m.Topic).Distinct().Order(StringComparer.Ordinal), published.Skip(3).Select(m => m.Topic).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Publisher_KeepsTheWindowAndOpenRecordsOnTheBroker_ClearsThoseThatLeaveIt_LeavesLongGoneOnesAlone()
    {
        var time = new FakeTimeProvider(T0);
        foreach (var (id, daysAgo, state) in new[] { ("aaaa0000000000a1", 10, AlertState.Resolved), ("aaaa0000000000a2", 100, AlertState.Resolved), ("aaaa0000000000a3", 200, AlertState.Firing), ("aaaa0000000000a4", 400, AlertState.Resolved) })
        {
            var at = T0.AddDays(-daysAgo);
            _active.Incidents.Record(Alert(id, state) with { Since = at, FiredAt = at }, IncidentEventKind.Fired, at);
        }

        var client = new FakeMqttClient(new MqttClientOptions { Host = "127.0.0.1", ClientId = "hb" });
        await client.ConnectAsync(CancellationToken.None);
        var publisher = new IncidentPublisher(client, _active.Incidents, "a", TimeSpan.FromDays(90), NullLogger.Instance, time);
        using var stop = new CancellationTokenSource();
        var run = publisher.RunAsync(stop.Token);
        await WaitForAsync(client, 3);

        var first = client.Published.ToDictionary(m => m.Topic[AlertDefaults.IncidentTopicPrefix.Length..], m => m.Payload.Length);
        Assert.Equal(["aaaa0000000000a1", "aaaa0000000000a2", "aaaa0000000000a3"], first.Keys.Order(StringComparer.Ordinal));
        Assert.True(first["aaaa0000000000a1"] > 0 && first["aaaa0000000000a3"] > 0, "records in the window and open ones are copied");
        Assert.Equal(0, first["aaaa0000000000a2"]); // left the window: cleared

        // 81 days on, the 10-day-old record has left the window too: the daily pass clears it.
        for (var day = 0; day < 81; day++)
        {
            time.Advance(TimeSpan.FromDays(1));
        }

        await Eventually.WaitAsync(() => client.Published.Any(m => m.Topic.EndsWith("a1", StringComparison.Ordinal) && m.Payload.Length == 0), TimeSpan.FromSeconds(10), "the 10-day-old record cleared");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.DoesNotContain(client.Published, m => m.Topic.EndsWith("a4", StringComparison.Ordinal));
    }

    [Fact]
    public void Follower_KeepsTheLatestCopy_InTheStoreToo_IgnoresOwnOlderAndWhileActive()
    {
        var follower = new IncidentFollower(_standby.Incidents, "b", NullLogger.Instance);
        _active.Incidents.Record(Alert("bbbb000000000001"), IncidentEventKind.Fired, T0);
        var first = Copy("bbbb000000000001", "a");
        _active.Incidents.Record(Alert("bbbb000000000001", AlertState.Resolved), IncidentEventKind.Resolved, T0.AddMinutes(3), detail: "recovered");
        var second = Copy("bbbb000000000001", "a");

        follower.OnMessage(IncidentCopy.TopicOf("bbbb000000000001"), second, active: false);
        follower.OnMessage(IncidentCopy.TopicOf("bbbb000000000001"), first, active: false);

        var kept = _standby.Incidents.Get("bbbb000000000001")!;
        Assert.Equal((AlertState.Resolved, 2), (kept.Alert.State, kept.Timeline.Count));
        Assert.False(_standby.Incidents.Replace(IncidentCopy.Parse(IncidentCopy.TopicOf("bbbb000000000001"), second, out _)!.ToIncident())); // sent again after a reconnect
        using (var reopened = new AlertStore(_collectors.StandbyStore))
        {
            var stored = Assert.Single(reopened.LoadIncidents());
            Assert.Equal([IncidentEventKind.Fired, IncidentEventKind.Resolved], stored.Timeline.Select(e => e.Kind));
        }

        _active.Incidents.Record(Alert("bbbb000000000002"), IncidentEventKind.Fired, T0);
        follower.OnMessage(IncidentCopy.TopicOf("bbbb000000000002"), Copy("bbbb000000000002", "b"), active: false);
        follower.OnMessage(IncidentCopy.TopicOf("bbbb000000000002"), Copy("bbbb000000000002", "a"), active: true);
        follower.OnMessage(IncidentCopy.TopicOf("bbbb000000000002"), [], active: false);
        Assert.Null(_standby.Incidents.Get("bbbb000000000002"));
    }

    [Theory]
    [InlineData("cccc000000000001", "{nope", "not valid incident JSON")]
    [InlineData("cccc000000000001", """{"v":3,"alert":null,"timeline":[]}""", "schema version 3")]
    [InlineData("cccc000000000001", """{"v":1,"timeline":[]}""", "it has no alert")]
    [InlineData("dddd000000000009", null, "its alert 'cccc000000000001' is not the topic's 'dddd000000000009'")]
    public void Parse_NotACopyOfThatAlert_SaysWhy(string topicId, string? json, string reason)
    {
        _active.Incidents.Record(Alert("cccc000000000001"), IncidentEventKind.Fired, T0);
        var payload = json is null ? Copy("cccc000000000001", "a") : Encoding.UTF8.GetBytes(json);

        Assert.Null(IncidentCopy.Parse(IncidentCopy.TopicOf(topicId), payload, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        new IncidentFollower(_standby.Incidents, "b", NullLogger.Instance).OnMessage(IncidentCopy.TopicOf(topicId), payload, active: false);
        Assert.Empty(_standby.Incidents.Query(new IncidentFilter()));
    }

    [Fact]
    public void Parse_EventsOfAnotherAlertInTheTimeline_Refused()
    {
        var copy = new IncidentCopy
        {
            Instance = "a",
            Alert = Alert("eeee000000000001"),
            Timeline = [new IncidentEvent("ffff000000000001", T0, IncidentEventKind.Fired, null, null)],
        };
        var payload = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(copy, AlertStore.Json);

        Assert.Null(IncidentCopy.Parse(IncidentCopy.TopicOf("eeee000000000001"), payload, out var error));
        Assert.Contains("events of another alert", error, StringComparison.Ordinal);
    }

    private static AlertSnapshot Alert(string id, AlertState state = AlertState.Firing) => new(
        id, "fps_low", "Frame rate below 30 fps", AlertSeverity.Warning, "s1", "r1", state, 20, RuleOperator.Below, 29.5,
        T0, T0, state == AlertState.Acknowledged ? T0.AddMinutes(1) : null, state == AlertState.Acknowledged ? "wang" : null,
        state == AlertState.Resolved ? T0.AddMinutes(3) : null, null, 0, null);

    private byte[] Copy(string alertId, string instance) => IncidentCopy.ToJson(_active.Incidents.Get(alertId)!, instance);

    private static Task WaitForAsync(FakeMqttClient client, int count) =>
        Eventually.WaitAsync(() => client.Published.Count >= count, TimeSpan.FromSeconds(10), $"{count} incident records published");
}
