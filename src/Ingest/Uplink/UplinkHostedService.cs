using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveRoom.Ingest.Uplink;

/// <summary>
/// Runs the <see cref="UplinkEndpoint"/> for the collector process's lifetime when <c>Ingest:Uplink:Url</c> is set. A
/// port that cannot be had is logged as an error and the collector carries on: storing points matters more.
/// </summary>
internal sealed class UplinkHostedService(IOptions<IngestOptions> options, ILogger<UplinkEndpoint> logger, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private UplinkEndpoint? _endpoint;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value.Uplink;
        if (string.IsNullOrEmpty(o.Url))
        {
            return;
        }

        var endpoint = new UplinkEndpoint(o, logger, time);
        try
        {
            // The validator has loaded the files once already; a failure here is one that happened since.
            var tls = o.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? HttpsCertificate.Load(o.CertFile!, o.KeyFile!)
                : ((X509Certificate2, X509Certificate2Collection)?)null;
            await endpoint.StartAsync(tls, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException)
        {
            UplinkLog.ListenFailed(logger, o.Url, ex.Message);
            await endpoint.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _endpoint = endpoint;
        UplinkLog.Listening(logger, new Uri(endpoint.Address!, UplinkDefaults.Path).ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _endpoint, null) is { } endpoint)
        {
            await endpoint.DisposeAsync().ConfigureAwait(false);
        }
    }
}
