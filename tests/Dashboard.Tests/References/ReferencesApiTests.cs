using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Dashboard.Evidence;
using LiveRoom.Dashboard.References;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Tests.Evidence;
using LiveRoom.Mqtt;
using LiveRoom.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.References;

/// <summary>
/// Issue 5 item 2 from the dashboard with a real Mosquitto: capture asks the edge on <c>cmd/reference</c>; a save is
/// validated (unknown capture, regions outside the frame, duplicates), versioned with who/when in the store and the
/// audit log, and pushed retained so an edge connecting later still gets it.
/// </summary>
[FailOnUnobservedTaskException]
public sealed class ReferencesApiTests(MosquittoFixture broker) : IClassFixture<MosquittoFixture>
{
    private const string CommandTopic = "liveroom/v1/demo/room-7/cmd/reference";

    private static readonly ReferenceRegions Regions = new()
    {
        Backdrop = new RegionRect(0, 0, 1, 0.6),
        Desk = new RegionRect(0, 0.6, 1, 0.2),
        Seat = new RegionRect(0.35, 0.1, 0.3, 0.5),
        Background = new RegionRect(0, 0.8, 1, 0.2),
    };

    [Fact]
    public async Task CaptureThenSave_CandidateReceived_VersionStoredAuditedAndPushedRetained()
    {
        using var factory = EvidenceTestData.Factory(broker.Server.Port);
        factory.CreateUser("tech", ["technician"]);
        using var tech = await factory.SignedInAsync("tech");
        await using var edge = await TestMqtt.ConnectAsync(broker.Server, CommandTopic);
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<EvidenceLink>().Unavailable is null, TestMqtt.Wait, "the evidence session");

        using var capture = await tech.PostAsync("/api/rooms/demo/room-7/reference/capture", null);
        Assert.Equal(HttpStatusCode.Accepted, capture.StatusCode);
        var captureId = (await capture.Content.ReadFromJsonAsync<CaptureResponse>())!.CaptureId;
        var command = Command(await edge.WaitForAsync(m => m.Payload.Length > 0, "the capture command"));
        Assert.Equal((ReferenceCommand.Capture, captureId, "tech"), (command.Action, command.CaptureId, command.By));

        // Before the edge has sent the candidate, the id is unknown.
        using var early = await tech.PutAsJsonAsync("/api/rooms/demo/room-7/reference", new ReferenceUpdateRequest(captureId, Regions));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("unknown capture id", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var jpeg = await EvidenceTestData.JpegAsync();
        await edge.PublishAsync("liveroom/v1/demo/room-7/thumbnail", EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-7", DateTimeOffset.UtcNow, ThumbnailReasons.ReferenceCandidate, jpeg, captureId)), retain: false);
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<ThumbnailStore>().HasCandidate("demo", "room-7", captureId), TestMqtt.Wait, "the candidate stored");
        var view = await tech.GetFromJsonAsync<ReferenceView>("/api/rooms/demo/room-7/reference");
        Assert.Equal(captureId, view!.Candidate!.Capture);
        Assert.Null(view.Current);

        using var saved = await tech.PutAsJsonAsync("/api/rooms/demo/room-7/reference", new ReferenceUpdateRequest(captureId, Regions));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var again = await tech.PutAsJsonAsync("/api/rooms/demo/room-7/reference", new ReferenceUpdateRequest(captureId, Regions with { Seat = new RegionRect(0.3, 0.1, 0.3, 0.5) }));
        var second = (await again.Content.ReadFromJsonAsync<ReferenceView>())!;
        Assert.Equal((2, "tech", 2), (second.Current!.Version, second.Current.By, second.History.Count));
        Assert.True(second.Pushed);

        // An edge that connects afterwards gets the newest approval from the broker: it is retained.
        await using var late = await TestMqtt.ConnectAsync(broker.Server, CommandTopic);
        var retained = await late.WaitForAsync(m => m.Retain, "the retained approval");
        var approval = Command(retained);
        Assert.Equal((ReferenceCommand.Approve, captureId, 2), (approval.Action, approval.CaptureId, approval.Version));
        Assert.Equal(0.3, approval.Regions!.Seat!.X, 6);
        var audit = factory.Services.GetRequiredService<AuditLog>().Read(100);
        Assert.Contains(audit, e => e.Action == ReferencesApi.AuditCapture && e.Actor == "tech" && e.Outcome == "ok");
        Assert.Equal(2, audit.Count(e => e.Action == ReferencesApi.AuditApprove && e.Outcome == "ok"));
    }

    [Fact]
    public async Task Save_BadInput_400NamingTheProblemAndNothingStored()
    {
        using var factory = EvidenceTestData.Factory(broker.Server.Port);
        factory.CreateUser("tech", ["technician"]);
        using var tech = await factory.SignedInAsync("tech");
        await using var edge = await TestMqtt.ConnectAsync(broker.Server);
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<EvidenceLink>().Unavailable is null, TestMqtt.Wait, "the evidence session");
        await edge.PublishAsync("liveroom/v1/demo/room-8/thumbnail", EvidenceTestData.Payload(EvidenceTestData.Message("demo", "room-8", DateTimeOffset.UtcNow, ThumbnailReasons.ReferenceCandidate, await EvidenceTestData.JpegAsync(), "cap-1")), retain: false);
        await Eventually.WaitAsync(() => factory.Services.GetRequiredService<ThumbnailStore>().HasCandidate("demo", "room-8", "cap-1"), TestMqtt.Wait, "the candidate stored");

        var cases = new (ReferenceUpdateRequest Body, string Problem)[]
        {
            (new("nope", Regions), "unknown capture id 'nope'"),
            (new("bad/id", Regions), "captureId: identifier 'bad/id' contains '/'"),
            (new("cap-1", null), "regions are missing"),
            (new("cap-1", Regions with { Desk = new RegionRect(0.5, 0.6, 0.7, 0.2) }), "region 'desk' (0.5, 0.6, 0.7 x 0.2) lies outside the frame"),
            (new("cap-1", Regions with { Seat = new RegionRect(0.4, 0.4, 0, 0.1) }), "region 'seat' is empty or too small"),
            (new("cap-1", Regions with { Background = Regions.Backdrop }), "regions 'backdrop' and 'background' are the same rectangle"),
            (new("cap-1", Regions with { Desk = null }), "region 'desk' is missing"),
        };
        foreach (var (body, problem) in cases)
        {
            using var response = await tech.PutAsJsonAsync("/api/rooms/demo/room-8/reference", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var view = await tech.GetFromJsonAsync<ReferenceView>("/api/rooms/demo/room-8/reference");
        Assert.Empty(view!.History);
    }

    private static ReferenceCommand Command(MqttMessage m) => JsonSerializer.Deserialize(m.Payload.Span, VisionJsonContext.Default.ReferenceCommand)!;
}
