using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Hosting;

/// <summary>
/// One of the collector's small HTTP listeners (the alert page, the uplink test endpoint): Kestrel on <c>url</c>, with
/// the given certificate for https://, its own log output off (the owner logs what matters).
/// </summary>
internal static class CollectorListener
{
    /// <summary>Builds the app, lets <paramref name="map"/> add its routes, starts it; returns it with its bound address.</summary>
    /// <remarks>A failed start (port taken, address not on this machine, cancelled) leaves nothing half-started.</remarks>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        string url, (X509Certificate2 Certificate, X509Certificate2Collection Chain)? certificate, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        if (certificate is { } tls)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = tls.Certificate;
                https.ServerCertificateChain = tls.Chain;
            }));
        }

        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    public static async Task StopAsync(WebApplication? app)
    {
        if (app is not null)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
