using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Acknowledging;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Hosting;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd.Faults;

/// <summary>
/// Primary/standby collectors (seed clause 4.3) as real processes against real Mosquitto and InfluxDB: the standby
/// takes over when the active one dies or stops, nothing is lost on the way, and two active ones settle on one.
/// </summary>
public sealed class CollectorStandbyTests
{
    // Event ids of src/Ingest/Standby/StandbyLog.cs. The log renders names in quotes.
    private const int StandsBy = 801;
    private const int TakesOver = 802;
    private const int StepsDown = 803;
    private const int ConfigurationTaken = 807;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ActiveKilled_StandbyTakesOver_RestartedOneStandsBy_CleanStopHandsBack_NoPointLost()
    {
        await using var spine = await SpineHarness.StartAsync();
        spine.StartCollector("a");
        Assert.Contains("no collector has published a heartbeat", await spine.WaitForCollectorEventAsync("a", TakesOver, Wait), StringComparison.Ordinal);
        spine.StartEdge("room-1");
        await spine.WaitForRowsAsync("room-1", 5, Wait);
        var b = spine.StartCollector("b");
        Assert.Contains("collector \"a\" is active", await spine.WaitForCollectorEventAsync("b", StandsBy, Wait), StringComparison.Ordinal);
        // What each collector says it is (the dashboard shows the group from it), as a third party sees it.
        await using var presence = await TestMqtt.ConnectAsync(spine.Broker, Topic.CollectorInstances);
        string? Role(string instance) => presence.Received
            .Select(m => CollectorPresence.Parse(m.Topic, m.Payload.Span, out var reason) ?? throw new InvalidOperationException(reason))
            .LastOrDefault(p => p.Instance == instance)?.Role;
        await Eventually.WaitAsync(() => Role("a") == "active" && Role("b") == "standby", Wait, "a active, b standby");

        // A crash: the broker sends a's last will, and b connects the shared session the broker kept queueing for.
        await spine.KillCollectorAsync("a");
        Assert.Contains("collector a died", await spine.WaitForCollectorEventAsync("b", TakesOver, TimeSpan.FromSeconds(20)), StringComparison.Ordinal);
        await Eventually.WaitAsync(() => Role("a") == "dead" && Role("b") == "active", Wait, "a dead (its will), b active");
        var rows = await spine.CountAsync("room-1", long.MaxValue / 2);
        await spine.WaitForRowsAsync("room-1", rows + 5, Wait);

        // a comes back: b is alive, so a waits.
        var a = spine.StartCollector("a");
        Assert.Contains("collector \"b\" is active", await spine.WaitForCollectorEventAsync("a", StandsBy, Wait), StringComparison.Ordinal);
        await Eventually.WaitAsync(() => Role("a") == "standby", Wait, "a standby after its restart");
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.None);
        Assert.Single(spine.CollectorEvents("a"), e => e.EventId == TakesOver);
        Assert.False(b.HasExited, spine.Diagnostics());

        // A clean stop of b ("stopped" on the heartbeat) hands over to a at once.
        await b.StopAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, b.ExitCode);
        Assert.Contains("collector b stopped", await spine.WaitForCollectorEventAsync("a", TakesOver, TimeSpan.FromSeconds(20), after: 1), StringComparison.Ordinal);
        await Eventually.WaitAsync(() => Role("a") == "active" && Role("b") == "stopped", Wait, "a active again, b stopped");

        var (last, stored, distinct) = await spine.DrainAndCountAsync("room-1", TimeSpan.FromSeconds(120));
        Assert.True(last >= 15, $"only {last} points were measured; {spine.Diagnostics()}");
        Assert.Equal(last, distinct);
        Assert.Equal(last, stored);
        Assert.False(a.HasExited, spine.Diagnostics());
    }

    [Fact]
    public async Task TwoActive_TheOneThatDoesNotOutrankStepsDownWithCode4_NoPointLost()
    {
        await using var spine = await SpineHarness.StartAsync();
        var b = spine.StartCollector("b");
        await spine.WaitForCollectorEventAsync("b", TakesOver, Wait);
        spine.StartEdge("room-1");
        await spine.WaitForRowsAsync("room-1", 5, Wait);

        // A collector without standby settings starts at once on the same session: two are active. It never steps
        // down, so b must (as "a" would, after a split start).
        var single = spine.StartCollector();

        Assert.Equal(HostRunner.SteppedDown, await b.Exited.WaitAsync(Wait));
        Assert.Contains("collector \"(unnamed)\" is active as well", await spine.WaitForCollectorEventAsync("b", StepsDown, TimeSpan.FromSeconds(1)), StringComparison.Ordinal);
        var rows = await spine.CountAsync("room-1", long.MaxValue / 2);
        await spine.WaitForRowsAsync("room-1", rows + 5, Wait);
        var (last, stored, distinct) = await spine.DrainAndCountAsync("room-1", TimeSpan.FromSeconds(120));
        Assert.True(last >= 10, $"only {last} points were measured; {spine.Diagnostics()}");
        Assert.Equal(last, distinct);
        Assert.Equal(last, stored);
        Assert.False(single.HasExited, spine.Diagnostics());
    }

    [Fact]
    public async Task AlertConfiguration_ChangedOnTheActive_IsLiveOnTheStandbyThatTakesOver_AndBackAgain()
    {
        await using var spine = await SpineHarness.StartAsync();
        using var http = AdminClient();
        var b = await StartActiveAndStandbyAsync(spine);

        // An admin changes a rule and the rota on a (revisions 1 and 2); b follows.
        await SendAsync(http, HttpMethod.Put, spine.AlertUrl("a"), "api/rules/fps_low", """{"id":"fps_low","title":"Frame rate below 25","kind":"stream","field":"fps","operator":"below","threshold":25,"for":"00:00:05","severity":"critical","applies":"always"}""");
        await SendAsync(http, HttpMethod.Put, spine.AlertUrl("a"), "api/rota", """[{"site":"fault","level":0,"name":"Lin","mobile":"13800000000"}]""");
        await WaitForTakenAsync(spine, "b", "revision 2 from collector \"a\"");

        // a dies: b takes over with a's rules and rota live.
        await spine.KillCollectorAsync("a");
        await spine.WaitForCollectorEventAsync("b", TakesOver, TimeSpan.FromSeconds(20));
        Assert.Equal(25, (await RuleAsync(http, spine.AlertUrl("b"), "fps_low")).GetProperty("threshold").GetDouble());
        Assert.Equal("Lin", (await GetAsync(http, spine.AlertUrl("b"), "api/rota"))[0].GetProperty("name").GetString());

        // A silence added on b (revision 3) reaches a, restarted as the standby, and is live there once b stops.
        var a = spine.StartCollector("a");
        await spine.WaitForCollectorEventAsync("a", StandsBy, Wait);
        var now = DateTimeOffset.UtcNow;
        await SendAsync(http, HttpMethod.Post, spine.AlertUrl("b"), "api/silences", string.Create(CultureInfo.InvariantCulture, $$"""{"id":"maintenance","site":"fault","startsAt":"{{now:O}}","endsAt":"{{now.AddHours(2):O}}","createdBy":"admin"}"""));
        await WaitForTakenAsync(spine, "a", "revision 3 from collector \"b\"");
        await b.StopAsync(TimeSpan.FromSeconds(30));
        await spine.WaitForCollectorEventAsync("a", TakesOver, TimeSpan.FromSeconds(20));
        Assert.Equal("maintenance", (await GetAsync(http, spine.AlertUrl("a"), "api/silences"))[0].GetProperty("id").GetString());
        Assert.Equal(25, (await RuleAsync(http, spine.AlertUrl("a"), "fps_low")).GetProperty("threshold").GetDouble());
        Assert.False(a.HasExited, spine.Diagnostics());
    }

    [Fact]
    public async Task AlertOpenOnTheActive_CarriesOnUnderItsIdOnTheStandbyThatTakesOver_ItsLinkWorksThere_AndItIsResolvedThere()
    {
        await using var spine = await SpineHarness.StartAsync();
        using var http = AdminClient();
        await StartActiveAndStandbyAsync(spine);
        await SendAsync(http, HttpMethod.Put, spine.AlertUrl("a"), "api/rules/fps_low", """{"id":"fps_low","title":"Frame rate below 25","kind":"stream","field":"fps","operator":"below","threshold":25,"for":"00:00:00","severity":"warning","applies":"always"}""");

        // The incident records the active collector hands to its standbys, as a third party sees them.
        await using var records = await TestMqtt.ConnectAsync(spine.Broker, AlertDefaults.IncidentTopicPrefix + "+");

        // An edge whose stream runs at 20 fps: a fires fps_low.
        await using var edge = new MosquittoClient(new MqttClientOptions { Host = spine.Broker.Host, Port = spine.Broker.Port, ClientId = "edge-room-9" });
        await edge.ConnectAsync(TestContext.None);
        using var stopEdge = new CancellationTokenSource();
        var fps = 20.0;
        var sending = Task.Run(async () =>
        {
            for (var seq = 1L; !stopEdge.IsCancellationRequested; seq++)
            {
                await edge.PublishAsync(Topic.Metrics(SpineHarness.Site, "room-9", MetricKind.Stream), StreamBatch(seq, Volatile.Read(ref fps)), MqttQos.AtLeastOnce, false, CancellationToken.None);
                await Task.Delay(500, CancellationToken.None);
            }
        });
        var fired = await Eventually.WaitAsync(
            () => Task.FromResult(Records(records).FirstOrDefault(r => r.GetProperty("alert").GetProperty("state").GetString() == "firing")),
            r => r.ValueKind == JsonValueKind.Object,
            Wait,
            "a firing alert's record from collector a");
        var id = fired.GetProperty("alert").GetProperty("id").GetString()!;
        Assert.Equal("a", fired.GetProperty("instance").GetString());

        // a dies while the alert is open: b takes over with the same alert open, not a new one.
        await spine.KillCollectorAsync("a");
        await spine.WaitForCollectorEventAsync("b", TakesOver, TimeSpan.FromSeconds(20));
        var open = (await GetAsync(http, spine.AlertUrl("b"), "api/alerts")).EnumerateArray().Single();
        Assert.Equal((id, "firing"), (open.GetProperty("id").GetString(), open.GetProperty("state").GetString()));

        // The link on-call got from a (same key on both collectors) acknowledges it on b.
        var token = AckTokenSigner.FromSecret(SpineHarness.TokenSecret, TimeProvider.System).Create(id, TimeSpan.FromHours(1));
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["who"] = "wang", ["note"] = "on my way" }))
        using (var ack = await http.PostAsync(new Uri(spine.AlertUrl("b"), $"alerts/{token}/ack"), form))
        {
            Assert.True(ack.IsSuccessStatusCode, $"ack: {(int)ack.StatusCode} {await ack.Content.ReadAsStringAsync()}");
        }

        var acked = (await GetAsync(http, spine.AlertUrl("b"), "api/alerts")).EnumerateArray().Single();
        Assert.Equal((id, "acknowledged", "wang"), (acked.GetProperty("id").GetString(), acked.GetProperty("state").GetString(), acked.GetProperty("acknowledgedBy").GetString()));

        // The stream recovers: b resolves that alert, and its record (with a's part of the timeline) is the only one.
        Volatile.Write(ref fps, 30.0);
        var incidents = await Eventually.WaitAsync(
            async () => (await GetAsync(http, spine.AlertUrl("b"), "api/incidents?room=room-9")).EnumerateArray().ToList(),
            list => list.Any(i => i.GetProperty("resolvedAt").GetString() is { Length: > 0 }),
            Wait,
            "the alert resolved on b");
        await stopEdge.CancelAsync();
        await sending;

        var incident = Assert.Single(incidents);
        Assert.Equal(id, incident.GetProperty("alertId").GetString());
        var kinds = incident.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Equal("fired", kinds[0]);
        Assert.Equal(["acknowledged", "resolved"], kinds[^2..]);
        Assert.Contains(Records(records), r => r.GetProperty("instance").GetString() == "b" && r.GetProperty("alert").GetProperty("state").GetString() == "resolved");
    }

    private static List<JsonElement> Records(TestMqtt records) =>
        [.. records.Received.Select(m => JsonDocument.Parse(m.Payload).RootElement.Clone())];

    private static byte[] StreamBatch(long seq, double fps) => TestBatches.Stream(SpineHarness.Site, "room-9", seq, fps);

    private static HttpClient AdminClient()
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SpineHarness.AdminToken);
        return http;
    }

    // Collector a active, then b standing by; returns b.
    private static async Task<Runtime.Processes.ChildProcess> StartActiveAndStandbyAsync(SpineHarness spine)
    {
        spine.StartCollector("a");
        await spine.WaitForCollectorEventAsync("a", TakesOver, Wait);
        var b = spine.StartCollector("b");
        await spine.WaitForCollectorEventAsync("b", StandsBy, Wait);
        return b;
    }

    private static async Task WaitForTakenAsync(SpineHarness spine, string instance, string what) =>
        await Eventually.WaitAsync(
            () => spine.CollectorEvents(instance).Any(e => e.EventId == ConfigurationTaken && e.Message.Contains(what, StringComparison.Ordinal)),
            Wait,
            $"collector {instance} to log that it took {what}; {spine.Diagnostics()}");

    private static async Task SendAsync(HttpClient http, HttpMethod method, Uri collector, string path, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(collector, path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    // The admin API of a collector that has just taken over may take a moment to listen.
    private static async Task<JsonElement> GetAsync(HttpClient http, Uri collector, string path) =>
        await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(collector, path)));
                    return (JsonElement?)json.RootElement.Clone();
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            },
            e => e is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0,
            Wait,
            $"{path} of {collector}") ?? default;

    private static async Task<JsonElement> RuleAsync(HttpClient http, Uri collector, string id) =>
        (await GetAsync(http, collector, "api/rules")).EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
}
