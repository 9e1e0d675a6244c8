using System.Net;
using System.Security.Authentication;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Options;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Acknowledging;

/// <summary>The acknowledgement page over TLS with a CA-issued certificate (seed clause 4.5), and its settings refused with reasons.</summary>
public sealed class AlertPageTlsTests : IDisposable
{
    private readonly TempDirectory _dir = new("alerts-tls");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task HttpsUrl_WithCertificate_ServesThePageToAClientTrustingTheCa()
    {
        var certificates = TestCertificates.Create(_dir, "alerts");
        using var http = new HttpClient();
        var options = new AlertOptions { HttpUrl = "https://127.0.0.1:0", CertFile = certificates.CertFile, KeyFile = certificates.KeyFile };
        Assert.Empty(IngestOptionsValidator.Check(new IngestOptions { Alerts = options }));
        await using var service = new AlertService(options, _dir.Combine("state"), http);

        await service.StartAsync(CancellationToken.None);

        Assert.Equal("https", service.HttpAddress!.Scheme);
        Assert.StartsWith("https://127.0.0.1:", service.Link("some-alert"), StringComparison.Ordinal);
        using var client = new HttpClient(certificates.TrustingHandler()) { BaseAddress = service.HttpAddress };
        Assert.Equal("ok", await client.GetStringAsync("healthz"));
        // A forged link is refused, over TLS as over plain HTTP.
        using var forged = await client.GetAsync("alerts/forged");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        // A client that does not trust the studio's CA does not get through.
        using var stranger = new HttpClient { BaseAddress = service.HttpAddress };
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => stranger.GetStringAsync("healthz"));
        Assert.IsType<AuthenticationException>(refused.InnerException);
    }

    [Fact]
    public void Validator_HttpsWithoutCertificate_NamesBothKeys()
    {
        var failures = IngestOptionsValidator.Check(new IngestOptions { Alerts = new AlertOptions { HttpUrl = "https://127.0.0.1:5081" } });

        var failure = Assert.Single(failures);
        Assert.Contains("Ingest:Alerts:CertFile and Ingest:Alerts:KeyFile", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_KeyOfAnotherCertificate_IsRefusedWithTheReason()
    {
        var mine = TestCertificates.Create(_dir, "mine");
        var other = TestCertificates.Create(_dir, "other");

        var failures = IngestOptionsValidator.Check(new IngestOptions
        {
            Alerts = new AlertOptions { HttpUrl = "https://127.0.0.1:5081", CertFile = mine.CertFile, KeyFile = other.KeyFile },
        });

        var failure = Assert.Single(failures);
        Assert.StartsWith($"Ingest:Alerts:CertFile '{mine.CertFile}' with Ingest:Alerts:KeyFile '{other.KeyFile}' cannot be used: ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_MissingCertificateFile_IsRefusedWithTheReason()
    {
        var missing = _dir.Combine("missing.crt");

        var failures = IngestOptionsValidator.Check(new IngestOptions
        {
            Alerts = new AlertOptions { HttpUrl = "https://127.0.0.1:5081", CertFile = missing, KeyFile = missing },
        });

        Assert.Contains(failures, f => f.Contains(missing, StringComparison.Ordinal) && f.Contains("cannot be used", StringComparison.Ordinal));
    }
}
