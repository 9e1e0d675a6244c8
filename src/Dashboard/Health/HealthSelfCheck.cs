using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using LiveRoom.Runtime.Hosting.Watchdog;

namespace LiveRoom.Dashboard.Health;

/// <summary>
/// The dashboard's liveness for systemd's watchdog (decision 0028): it asks itself <c>GET /healthz</c> on its own listener,
/// over loopback, so a dashboard whose requests no longer get answers stops telling systemd it is alive and is restarted.
/// Before the server listens (start-up) there is nothing to ask, which is not a fault.
/// </summary>
public sealed class HealthSelfCheck(IServer server) : ILivenessCheck, IDisposable
{
    // Only our own /healthz on a loopback address is asked, and nothing is sent but the request line: the certificate
    // (issued for the public name, not 127.0.0.1) is not what this checks.
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        SslOptions = { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public string Name => "the dashboard answers GET /healthz";

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (Target(server.Features.Get<IServerAddressesFeature>()?.Addresses) is not { } target)
        {
            return null;
        }

        using var response = await _http.GetAsync(target, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? null : $"GET {target} answered {(int)response.StatusCode} {response.ReasonPhrase}";
    }

    /// <summary>
    /// <c>/healthz</c> on the first TCP address the server listens on, a wildcard host (0.0.0.0, [::], +, *) asked on
    /// loopback; null when there is none (not listening yet, or a Unix socket only).
    /// </summary>
    public static Uri? Target(IEnumerable<string>? addresses)
    {
        foreach (var address in addresses ?? [])
        {
            var text = address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.Host.Equals("unix", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var host = uri.Host switch
            {
                "0.0.0.0" => "127.0.0.1",
                "[::]" => "[::1]",
                _ => uri.Host,
            };
            return new Uri($"{uri.Scheme}://{host}:{uri.Port}/healthz");
        }

        return null;
    }

    public void Dispose() => _http.Dispose();
}
