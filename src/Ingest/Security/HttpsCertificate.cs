using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LiveRoom.Ingest.Security;

/// <summary>
/// The certificate of one of the collector's HTTPS listeners, the acknowledgement page and the uplink test endpoint
/// (seed clause 4.5): PEM files, as a CA hands them out.
/// </summary>
internal static class HttpsCertificate
{
    /// <summary>
    /// The certificate with its key and the intermediates after it in <paramref name="certFile"/>; throws
    /// <see cref="CryptographicException"/> or <see cref="IOException"/> naming what is wrong (no key, key does not match,
    /// not PEM, file missing).
    /// </summary>
    public static (X509Certificate2 Certificate, X509Certificate2Collection Chain) Load(string certFile, string keyFile) =>
        (X509Certificate2.CreateFromPemFile(certFile, keyFile), Chain(certFile));

    /// <summary>
    /// The start-up check of a listener's settings: for an https:// <paramref name="url"/> the two files must be named and
    /// usable; each problem is added to <paramref name="failures"/> with the keys <c>{section}CertFile</c> and <c>KeyFile</c>.
    /// </summary>
    public static void Check(string section, string urlKey, string url, string? certFile, string? keyFile, string what, List<string> failures)
    {
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (string.IsNullOrEmpty(certFile) || string.IsNullOrEmpty(keyFile))
        {
            failures.Add($"{section}{urlKey} '{url}' is https://: {section}CertFile and {section}KeyFile (PEM) must name {what}'s certificate and its key");
            return;
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPemFile(certFile, keyFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            failures.Add($"{section}CertFile '{certFile}' with {section}KeyFile '{keyFile}' cannot be used: {ex.Message}");
        }
    }

    /// <summary>The certificates after the first in <paramref name="certFile"/>: intermediates a phone may need to build the chain.</summary>
    private static X509Certificate2Collection Chain(string certFile)
    {
        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(certFile);
        var chain = new X509Certificate2Collection();
        for (var i = 1; i < all.Count; i++)
        {
            chain.Add(all[i]);
        }

        return chain;
    }
}
