using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Tests.Browser;
using LiveRoom.Testing;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Alerting;

/// <summary>
/// The collector's open alerts where people look: a real collector fires fps_low on what an edge publishes through a real
/// Mosquitto; the wall's tile and the room page in chromium say what broke and whether somebody has it; a technician
/// acknowledges on the wall and resolves on the room page, under their own name; a manager may not, a person of another
/// site does not even see it; every action is in the audit log (seed clauses 7.4.4, 8; 4.4, 4.5).
/// </summary>
[Trait("Category", "Browser")]
public sealed class OpenAlertsTests(BrowserFixture stack) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task FiringAlert_OnTheWallAndRoomPage_TechnicianAcknowledgesAndResolvesThere_OthersMayNot_Audited()
    {
        using var collector = new HttpClient { BaseAddress = stack.CollectorUrl };
        collector.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CollectorProcess.AdminToken);
        using (var rule = await collector.PutAsync(
            "api/rules/fps_low",
            new StringContent("""{"id":"fps_low","title":"Frame rate below 30 fps","kind":"stream","field":"fps","operator":"below","threshold":29.5,"for":"00:00:00","severity":"critical","applies":"always"}""", Encoding.UTF8, "application/json")))
        {
            Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        }

        // room-2's edge says 12 fps until told to stop.
        await using var edge = await TestMqtt.ConnectAsync(stack.Broker);
        using var stopEdge = new CancellationTokenSource();
        var sending = Task.Run(async () =>
        {
            for (var seq = 1L; !stopEdge.IsCancellationRequested; seq++)
            {
                await edge.PublishAsync(Topic.Metrics("demo", "room-2", MetricKind.Stream), TestBatches.Stream("demo", "room-2", seq, 12.0), retain: false);
                await Task.Delay(500, CancellationToken.None);
            }
        });

        await stack.AddUserAsync("elsewhere", ["on-call"], ["other-site"]);
        using var technician = await stack.SignedInClientAsync("technician");
        using var manager = await stack.SignedInClientAsync("manager");
        using var elsewhere = await stack.SignedInClientAsync("elsewhere");
        var open = await Eventually.WaitAsync(
            async () => (await technician.GetFromJsonAsync<JsonElement>("api/alerts/open?site=demo&room=room-2")).GetProperty("items"),
            items => items.ValueKind == JsonValueKind.Array && items.EnumerateArray().Any(a => a.GetProperty("state").GetString() == "firing"),
            Wait,
            "room-2's fps_low firing in the dashboard");
        var id = open.EnumerateArray().Single(a => a.GetProperty("ruleId").GetString() == "fps_low").GetProperty("id").GetString()!;

        // A manager reads it but may not act; someone of another site neither sees nor finds it.
        using (var refused = await manager.PostAsJsonAsync($"api/alerts/{id}/ack", new { note = "mine" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("it needs one of the roles technician, on-call, admin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty((await elsewhere.GetFromJsonAsync<JsonElement>("api/alerts/open")).GetProperty("items").EnumerateArray());
        using (var hidden = await elsewhere.PostAsJsonAsync($"api/alerts/{id}/ack", new { note = "mine" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        // The wall: the tile names the alert and that nobody has it; the technician acknowledges there.
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await stack.SignInAsync(page, "technician");
        var item = page.Locator($"article[data-room=room-2] li.open-alert[data-alert='{id}']");
        await item.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.Contains("Frame rate below 30 fps", await item.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("not acknowledged", await item.Locator(".alert-state").TextContentAsync());
        await item.Locator("button.alert-ack").ClickAsync();
        await page.WaitForSelectorAsync($"li.open-alert[data-alert='{id}'] .alert-state:has-text('acknowledged by technician')", new PageWaitForSelectorOptions { Timeout = Timeout });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "open-alert-wall.png") });
        var onCollector = (await collector.GetFromJsonAsync<JsonElement>("api/alerts")).EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal(("acknowledged", "technician"), (onCollector.GetProperty("state").GetString(), onCollector.GetProperty("acknowledgedBy").GetString()));

        // The alerts page lists every open alert the person sees, each naming and linking its room.
        await page.GotoAsync(new Uri(stack.BaseUri, "alerting.html").ToString());
        var listed = page.Locator($"#openAlerts li[data-alert='{id}']");
        await listed.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.Equal("demo / room-2", await listed.Locator("a").TextContentAsync());
        Assert.Equal("room.html?site=demo&room=room-2", await listed.Locator("a").GetAttributeAsync("href"));
        Assert.StartsWith("acknowledged by technician", await listed.Locator(".alert-state").TextContentAsync(), StringComparison.Ordinal);

        // The room page: resolved by hand with a note, once the edge reports a good picture again.
        await stopEdge.CancelAsync();
        await sending;
        await page.GotoAsync(new Uri(stack.BaseUri, "room.html?site=demo&room=room-2").ToString());
        var onRoom = page.Locator($"#openAlerts li[data-alert='{id}']");
        await onRoom.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        Assert.StartsWith("acknowledged by technician", await onRoom.Locator(".alert-state").TextContentAsync(), StringComparison.Ordinal);
        await onRoom.Locator("input.alert-note").FillAsync("encoder replaced");
        await onRoom.Locator("button.alert-resolve").ClickAsync();
        await page.WaitForSelectorAsync("#openAlertsNote:text-is('No open alerts.')", new PageWaitForSelectorOptions { Timeout = Timeout });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "open-alert-room.png") });
        var timeline = (await collector.GetFromJsonAsync<JsonElement>("api/incidents?site=demo&room=room-2&format=json")).EnumerateArray()
            .Single(e => e.GetProperty("alertId").GetString() == id).GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("event").GetString() == "acknowledged" && e.GetProperty("who").GetString() == "technician");
        Assert.Contains(timeline, e => e.GetProperty("event").GetString() == "resolved" && e.GetProperty("who").GetString() == "technician" && e.GetProperty("detail").GetString() == "encoder replaced");

        using var admin = await stack.SignedInClientAsync("admin");
        var audit = (await admin.GetFromJsonAsync<List<AuditEntry>>("api/audit?limit=500", Web))!;
        Assert.Contains(audit, e => e.Action == "alert.acknowledge" && e.Actor == "technician" && e.Outcome == "ok" && e.Target!.Contains(id, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "alert.resolve" && e.Actor == "technician" && e.Outcome == "ok" && e.Detail == "encoder replaced");
        Assert.Contains(audit, e => e.Action == AuditActions.Denied && e.Actor == "manager" && e.Target == $"POST /api/alerts/{id}/ack");
        Assert.Contains(audit, e => e.Action == "alert.acknowledge" && e.Actor == "elsewhere" && e.Outcome == "failed");
    }
}
