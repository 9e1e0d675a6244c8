using System.Net;
using System.Net.Http.Json;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Dashboard.Evidence;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Evidence;

/// <summary>
/// Issue 5 item 5 with a real Mosquitto: a thumbnail an edge publishes is stored by the dashboard's evidence session and
/// served by the API to any signed-in role; bad payloads are refused, counted, and never stored.
/// </summary>
[FailOnUnobservedTaskException]
public sealed class EvidenceApiTests(MosquittoFixture broker) : IClassFixture<MosquittoFixture>
{
    [Fact]
    public async Task Publish_Thumbnail_ListedServedAsJpegAndLatest()
    {
        using var factory = EvidenceTestData.Factory(broker.Server.Port);
        factory.CreateUser("oncall", ["on-call"]);
        using var client = await factory.SignedInAsync("oncall");
        var counters = factory.Services.GetRequiredService<EvidenceCounters>();
        await using var edge = await TestMqtt.ConnectAsync(broker.Server);
        var jpeg = await EvidenceTestData.JpegAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<EvidenceLink>().Unavailable is null, TestMqtt.Wait, "the evidence session");

        await edge.PublishAsync("liveroom/v1/demo/room-1/thumbnail", EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-1", at, "interval", jpeg)), retain: false);
        await edge.PublishAsync("liveroom/v1/demo/room-1/thumbnail", EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-1", at.AddSeconds(20), "framing_drift", jpeg)), retain: false);
        await Eventually.WaitAsync(() => counters.Stored == 2, TestMqtt.Wait, "both thumbnails stored");

        var list = await client.GetFromJsonAsync<ThumbnailList>("/api/rooms/demo/room-1/thumbnails");
        Assert.Equal(["interval", "framing_drift"], list!.Thumbnails.Select(t => t.Reason));
        Assert.Equal(at.ToUnixTimeMilliseconds(), list.Thumbnails[0].Ts);
        using var image = await client.GetAsync("/" + list.Thumbnails[1].Url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", image.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(jpeg, await image.Content.ReadAsByteArrayAsync());
        using var latest = await client.GetAsync("/api/rooms/demo/room-1/thumbnails/latest");
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.Equal(list.Thumbnails[1].Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture), latest.Headers.GetValues("X-Thumbnail-Time").Single());
        var files = Directory.GetFiles(factory.Services.GetRequiredService<ThumbnailStore>().Root, "*.jpg", SearchOption.AllDirectories);
        Assert.All(files, f => Assert.Matches(@"thumbnails/demo/room-1/\d{4}-\d{2}-\d{2}/\d+-(interval|framing_drift)\.jpg$", f));
        using var missing = await client.GetAsync("/api/rooms/demo/room-1/thumbnails/1-interval.jpg");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var traversal = await client.GetAsync("/api/rooms/demo/room-1/thumbnails/..%2F..%2Fdashboard.db");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Fact]
    public async Task Publish_BadPayloads_RefusedCountedNotStored()
    {
        using var factory = EvidenceTestData.Factory(broker.Server.Port);
        factory.CreateUser("manager", ["manager"]);
        using var client = await factory.SignedInAsync("manager");
        var counters = factory.Services.GetRequiredService<EvidenceCounters>();
        await using var edge = await TestMqtt.ConnectAsync(broker.Server);
        var jpeg = await EvidenceTestData.JpegAsync();
        var now = DateTimeOffset.UtcNow;
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<EvidenceLink>().Unavailable is null, TestMqtt.Wait, "the evidence session");
        const string topic = "liveroom/v1/demo/room-2/thumbnail";

        await edge.PublishAsync(topic, "{not json"u8.ToArray(), retain: false);
        await edge.PublishAsync(topic, EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-9", now, "interval", jpeg)), retain: false);
        await edge.PublishAsync(topic, EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-2", now, "interval", "GIF89a not a jpeg"u8.ToArray())), retain: false);
        await edge.PublishAsync(topic, EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-2", now, "../../etc", jpeg)), retain: false);
        await edge.PublishAsync(topic, EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-2", now.AddDays(-200), "interval", jpeg)), retain: false);
        await edge.PublishAsync(topic, EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-2", now, ThumbnailReasons.ReferenceCandidate, jpeg)), retain: false);
        await edge.PublishAsync(topic, new byte[70_000], retain: false);
        await Eventually.WaitAsync(() => counters.Rejected == 7, TestMqtt.Wait, "seven refusals");
        await edge.PublishAsync(topic, EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-2", now, "interval", jpeg)), retain: false);
        await Eventually.WaitAsync(() => counters.Stored == 1, TestMqtt.Wait, "the good one stored");

        var list = await client.GetFromJsonAsync<ThumbnailList>("/api/rooms/demo/room-2/thumbnails");
        Assert.Single(list!.Thumbnails);
        Assert.Equal(7, counters.Rejected);
    }
}
