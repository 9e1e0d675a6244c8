using System.Net;
using System.Net.Sockets;
using LiveRoom.Contracts.Uplink;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Uplink;
using LiveRoom.Testing;
using Microsoft.Extensions.Options;

namespace LiveRoom.Ingest.Tests.Uplink;

/// <summary>
/// The collector's uplink test endpoint over real loopback HTTP: what an edge's pre-show checklist uploads is counted and
/// answered with the receipt the probe reads; too many at once, a broken upload and a taken port each get a clear answer.
/// </summary>
public sealed class UplinkEndpointTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly ListLogger<UplinkEndpoint> _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private UplinkEndpoint? _endpoint;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync();
        }
    }

    [Fact]
    public async Task Post_Upload_ReceiptCountsEveryByteOnTheCollectorsClock()
    {
        var endpoint = await StartAsync(new UplinkOptions { Url = "http://127.0.0.1:0" });
        var body = new byte[3 * 1024 * 1024 + 17];
        Random.Shared.NextBytes(body);
        var before = DateTimeOffset.UtcNow;

        using var response = await _http.PostAsync(new Uri(endpoint.Address!, "uplink"), new ByteArrayContent(body), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UplinkReceipt.ContentType, response.Content.Headers.ContentType?.MediaType);
        var receipt = UplinkReceipt.Parse(await response.Content.ReadAsByteArrayAsync(CancellationToken.None));
        Assert.Equal(body.Length, receipt.Bytes);
        Assert.InRange(receipt.ServerTime, before.AddSeconds(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeMilliseconds());
        Assert.Contains(_log.Lines, l => l.StartsWith("Information: Uplink test from 127.0.0.1: ", StringComparison.Ordinal) && l.Contains($"({body.Length} bytes in ", StringComparison.Ordinal));
        Assert.Equal(0, endpoint.Running);
    }

    [Fact]
    public async Task Post_EmptyBody_IsAClockExchangeAnsweredEvenWhenEverySlotIsTaken()
    {
        var endpoint = await StartAsync(new UplinkOptions { Url = "http://127.0.0.1:0", MaxConcurrent = 1 });
        var upload = new HeldUpload();
        var held = _http.PostAsync(new Uri(endpoint.Address!, "uplink"), upload, CancellationToken.None);
        await Eventually.WaitAsync(() => endpoint.Running == 1, Wait, "the held upload taking the only slot");

        using var clock = await _http.PostAsync(new Uri(endpoint.Address!, "uplink"), new ByteArrayContent([]), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, clock.StatusCode);
        var receipt = UplinkReceipt.Parse(await clock.Content.ReadAsByteArrayAsync(CancellationToken.None));
        Assert.Equal(0, receipt.Bytes);
        Assert.Null(receipt.Mbps);
        Assert.InRange(receipt.ServerTime, DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeMilliseconds());
        upload.Finish();
        using var first = await held;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task Post_MoreThanMaxConcurrent_Refused503WithRetryAfterAndTheReason_ThenServedOnceASlotFrees()
    {
        var endpoint = await StartAsync(new UplinkOptions { Url = "http://127.0.0.1:0", MaxConcurrent = 1 });
        var upload = new HeldUpload();
        var held = _http.PostAsync(new Uri(endpoint.Address!, "uplink"), upload, CancellationToken.None);
        await Eventually.WaitAsync(() => endpoint.Running == 1, Wait, "the held upload taking the only slot");

        using (var refused = await _http.PostAsync(new Uri(endpoint.Address!, "uplink"), new ByteArrayContent(new byte[64 * 1024]), CancellationToken.None))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
            var reason = await refused.Content.ReadAsStringAsync(CancellationToken.None);
            Assert.Equal("uplink test endpoint busy: 1 tests are running (Ingest:Uplink:MaxConcurrent); retry in 30 s", reason);
        }

        Assert.Contains(_log.Lines, l => l.StartsWith("Warning: Uplink test from 127.0.0.1 refused: 1 tests are running (Ingest:Uplink:MaxConcurrent)", StringComparison.Ordinal));
        upload.Finish();
        using (var first = await held)
        {
            var receipt = UplinkReceipt.Parse(await first.Content.ReadAsByteArrayAsync(CancellationToken.None));
            Assert.Equal(upload.BytesSent, receipt.Bytes);
        }

        Assert.Equal(0, endpoint.Running);
        using var again = await _http.PostAsync(new Uri(endpoint.Address!, "uplink"), new ByteArrayContent(new byte[1024]), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Post_EdgeGoesAwayMidUpload_SlotFreedLoggedAndTheNextTestServed()
    {
        var endpoint = await StartAsync(new UplinkOptions { Url = "http://127.0.0.1:0", MaxConcurrent = 1 });
        using var cut = new CancellationTokenSource();
        var upload = new HeldUpload();
        var held = _http.PostAsync(new Uri(endpoint.Address!, "uplink"), upload, cut.Token);
        await Eventually.WaitAsync(() => endpoint.Running == 1, Wait, "the upload under way");

        await cut.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);

        await Eventually.WaitAsync(() => endpoint.Running == 0, Wait, "the broken upload's slot freed");
        await Eventually.WaitAsync(() => _log.Lines.Any(l => l.StartsWith("Information: Uplink test from 127.0.0.1 ended before its upload did (", StringComparison.Ordinal)), Wait, "the broken upload logged");
        using var next = await _http.PostAsync(new Uri(endpoint.Address!, "uplink"), new ByteArrayContent(new byte[1024]), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Post_UploadLongerThanMaxDuration_AnsweredWithWhatArrivedWithinIt()
    {
        var endpoint = await StartAsync(new UplinkOptions { Url = "http://127.0.0.1:0", MaxDuration = TimeSpan.FromSeconds(1) });
        var upload = new HeldUpload(stopAfter: TimeSpan.FromSeconds(4));

        using var response = await _http.PostAsync(new Uri(endpoint.Address!, "uplink"), upload, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = UplinkReceipt.Parse(await response.Content.ReadAsByteArrayAsync(CancellationToken.None));
        Assert.InRange(receipt.Seconds, 1.0, 3.0);
        Assert.InRange(receipt.Bytes, 1, upload.BytesSent - 1);
    }

    [Fact]
    public async Task Get_IsNotAnUploadAndChangesNothing()
    {
        var endpoint = await StartAsync(new UplinkOptions { Url = "http://127.0.0.1:0" });

        using var response = await _http.GetAsync(new Uri(endpoint.Address!, "uplink"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task HostedService_PortTaken_LogsTheErrorAndTheCollectorCarriesOn()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var options = Microsoft.Extensions.Options.Options.Create(new IngestOptions { Uplink = new UplinkOptions { Url = $"http://127.0.0.1:{port}" } });
        await using var service = new UplinkHostedService(options, _log, TimeProvider.System);

        await service.StartAsync(CancellationToken.None);

        Assert.Contains(_log.Lines, l => l.StartsWith($"Error: Uplink test endpoint could not listen on http://127.0.0.1:{port}: ", StringComparison.Ordinal) && l.Contains("uplink tests and clock checks will fail", StringComparison.Ordinal));
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task HostedService_NoUrl_ListensNowhere()
    {
        await using var service = new UplinkHostedService(Microsoft.Extensions.Options.Options.Create(new IngestOptions()), _log, TimeProvider.System);

        await service.StartAsync(CancellationToken.None);

        Assert.Empty(_log.Lines);
    }

    [Fact]
    public async Task Https_WithCertificate_ServesEdgesThatTrustTheCa()
    {
        using var dir = new TempDirectory("uplink-tls");
        var certificates = TestCertificates.Create(dir, "uplink");
        var options = new UplinkOptions { Url = "https://127.0.0.1:0", CertFile = certificates.CertFile, KeyFile = certificates.KeyFile };
        Assert.Empty(IngestOptionsValidator.Check(new IngestOptions { Uplink = options }));
        var ingest = Microsoft.Extensions.Options.Options.Create(new IngestOptions { Uplink = options });
        await using var service = new UplinkHostedService(ingest, _log, TimeProvider.System);
        await service.StartAsync(CancellationToken.None);
        const string Listening = "Information: Uplink test endpoint listening: edges upload to ";
        var listening = Assert.Single(_log.Lines, l => l.StartsWith(Listening + "https://127.0.0.1:", StringComparison.Ordinal));
        var address = new Uri(listening[Listening.Length..].Split(' ')[0]);
        Assert.Equal("/uplink", address.AbsolutePath);
        using var client = new HttpClient(certificates.TrustingHandler());

        using var response = await client.PostAsync(address, new ByteArrayContent(new byte[100_000]), CancellationToken.None);

        Assert.Equal(100_000, UplinkReceipt.Parse(await response.Content.ReadAsByteArrayAsync(CancellationToken.None)).Bytes);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5082/uplink")]
    [InlineData("ftp://0.0.0.0:5082")]
    [InlineData("0.0.0.0:5082")]
    [InlineData("http://0.0.0.0:5082?x=1")]
    public void Validator_UrlNotAListenAddress_IsRefusedWithAnExample(string url)
    {
        var failure = Assert.Single(IngestOptionsValidator.Check(new IngestOptions { Uplink = new UplinkOptions { Url = url } }));

        Assert.Equal($"Ingest:Uplink:Url '{url}' must be an http:// or https:// address without a path, e.g. http://0.0.0.0:5082 (edges then use http://<this host>:5082/uplink; empty: no endpoint)", failure);
    }

    [Fact]
    public void Validator_HttpsWithoutCertificate_NamesBothKeys()
    {
        var failure = Assert.Single(IngestOptionsValidator.Check(new IngestOptions { Uplink = new UplinkOptions { Url = "https://0.0.0.0:5082" } }));

        Assert.Contains("Ingest:Uplink:CertFile and Ingest:Uplink:KeyFile (PEM) must name the uplink endpoint's certificate", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_LimitsOutOfRange_NameKeyAndRange()
    {
        var failures = IngestOptionsValidator.Check(new IngestOptions { Uplink = new UplinkOptions { Url = "http://0.0.0.0:5082", MaxConcurrent = 0, MaxDuration = TimeSpan.FromHours(1) } });

        Assert.Contains("Ingest:Uplink:MaxConcurrent is 0; it must be 1–256", failures);
        Assert.Contains("Ingest:Uplink:MaxDuration is 01:00:00; it must be 00:00:01–00:05:00", failures);
    }

    private async Task<UplinkEndpoint> StartAsync(UplinkOptions options)
    {
        Assert.Empty(IngestOptionsValidator.Check(new IngestOptions { Uplink = options }));
        _endpoint = new UplinkEndpoint(options, _log, TimeProvider.System);
        await _endpoint.StartAsync(null, CancellationToken.None);
        return _endpoint;
    }

    /// <summary>
    /// A chunked upload that keeps sending 64 KiB chunks until <see cref="Finish"/> (or <paramref name="stopAfter"/>),
    /// as an edge's test does for its duration.
    /// </summary>
    private sealed class HeldUpload(TimeSpan? stopAfter = null) : HttpContent
    {
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long BytesSent { get; private set; }

        public void Finish() => _finish.TrySetResult();

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var chunk = new byte[64 * 1024];
            var started = TimeProvider.System.GetTimestamp();
            while (!_finish.Task.IsCompleted && (stopAfter is not { } limit || TimeProvider.System.GetElapsedTime(started) < limit))
            {
                await stream.WriteAsync(chunk, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                BytesSent += chunk.Length;
                await Task.Delay(20, cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
