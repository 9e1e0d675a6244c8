using System.Net;
using System.Text;
using LiveRoom.Dashboard.Alerting;
using LiveRoom.Dashboard.Options;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Alerting;

/// <summary>
/// What the dashboard's watch of the collector's open alerts does when a reading goes wrong: the wall and the room pages
/// keep the last known alerts and say why, the failure is logged once and the recovery once, and nothing that goes
/// wrong with one reading (an answer that is not JSON, a client that throws) ends the watch or fails a person's click.
/// The collector is a handler here so that it can fail in ways a real one cannot; OpenAlertsTests reads a real one.
/// </summary>
public sealed class OpenAlertsWatchTests
{
    private const string TwoAlerts = """
        [{"id":"b","ruleId":"fps_low","title":"Frame rate below 30 fps","severity":"critical","site":"demo","room":"room-2","state":"firing","value":12,"operator":"below","threshold":29.5,"since":"2026-11-23T10:05:00+00:00","firedAt":"2026-11-23T10:05:00+00:00","acknowledgedAt":null,"acknowledgedBy":null,"escalationLevel":0,"show":null},
         {"id":"a","ruleId":"uplink_low","title":"Uplink below 4 Mbit/s","severity":"warning","site":"demo","room":"room-1","state":"acknowledged","value":2.5,"operator":"below","threshold":4,"since":"2026-11-23T10:00:00+00:00","firedAt":"2026-11-23T10:01:00+00:00","acknowledgedAt":"2026-11-23T10:02:00+00:00","acknowledgedBy":"tech","escalationLevel":1,"show":"evening"}]
        """;

    private readonly Collector _collector = new();
    private readonly ListLogger<OpenAlertsWatch> _log = new();
    private readonly OpenAlertsWatch _watch;

    public OpenAlertsWatchTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new DashboardOptions { AlertsUrl = "http://127.0.0.1:9/", AlertsAdminToken = "token" });
        _watch = new OpenAlertsWatch(new Clients(_collector), options, TimeProvider.System, _log);
    }

    [Fact]
    public async Task Refresh_CollectorAnswers_OldestFirst()
    {
        _collector.Next = () => Json(TwoAlerts);

        var view = await _watch.RefreshAsync(CancellationToken.None);

        Assert.Null(view.Problem);
        Assert.Equal(["a", "b"], view.Items!.Select(a => a.Id));
        Assert.Equal("tech", view.Items![0].AcknowledgedBy);
        Assert.NotNull(view.ReadAt);
        Assert.Same(view, _watch.Current);
    }

    [Fact]
    public async Task Refresh_ReadingFailsAnyWay_KeepsTheLastAlertsSaysWhy_LoggedOnceAndTheRecoveryOnce()
    {
        _collector.Next = () => Json(TwoAlerts);
        var known = await _watch.RefreshAsync(CancellationToken.None);

        _collector.Next = () => throw new InvalidOperationException("the handler broke");
        var broken = await _watch.RefreshAsync(CancellationToken.None);
        await _watch.RefreshAsync(CancellationToken.None);

        Assert.Equal(known.Items, broken.Items);
        Assert.Equal(known.ReadAt, broken.ReadAt);
        Assert.Equal("reading the collector's open alerts failed: InvalidOperationException: the handler broke", broken.Problem);

        _collector.Next = () => Json("<html>busy</html>");
        var garbled = await _watch.RefreshAsync(CancellationToken.None);
        Assert.Equal(known.Items, garbled.Items);
        Assert.StartsWith("the collector's open alerts could not be read: ", garbled.Problem, StringComparison.Ordinal);

        _collector.Next = () => new HttpResponseMessage(HttpStatusCode.BadGateway);
        Assert.Equal("no collector answered: the collector answered 502", (await _watch.RefreshAsync(CancellationToken.None)).Problem);

        _collector.Next = () => Json("[]");
        var recovered = await _watch.RefreshAsync(CancellationToken.None);

        Assert.Null(recovered.Problem);
        Assert.Empty(recovered.Items!);
        Assert.Equal(
            [
                "Warning: Cannot read the collector's open alerts (reading the collector's open alerts failed: InvalidOperationException: the handler broke); the wall and room pages show the last known ones and say so",
                $"Warning: Cannot read the collector's open alerts ({garbled.Problem}); the wall and room pages show the last known ones and say so",
                "Warning: Cannot read the collector's open alerts (no collector answered: the collector answered 502); the wall and room pages show the last known ones and say so",
                "Information: Reading the collector's open alerts again",
            ],
            _log.Lines);
    }

    [Fact]
    public async Task Watch_ReadingThrows_KeepsWatching()
    {
        var readings = 0;
        _collector.Next = () => Interlocked.Increment(ref readings) == 1 ? throw new InvalidOperationException("once") : Json(TwoAlerts);

        await _watch.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.WaitAsync(() => _watch.Current.Items is { Count: 2 }, OpenAlertsWatch.Interval * 4, "the watch reading again after a reading that threw");
        }
        finally
        {
            await _watch.StopAsync(CancellationToken.None);
        }

        Assert.Null(_watch.Current.Problem);
        Assert.True(_watch.ExecuteTask!.IsCompletedSuccessfully, _watch.ExecuteTask.Exception?.ToString());
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class Collector : HttpMessageHandler
    {
        public Func<HttpResponseMessage> Next { get; set; } = () => new HttpResponseMessage(HttpStatusCode.NotFound);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("Bearer token", request.Headers.Authorization?.ToString());
            Assert.Equal("http://127.0.0.1:9/api/alerts", request.RequestUri!.ToString());
            return Task.FromResult(Next());
        }
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
