using System.Security.Cryptography.X509Certificates;

namespace LiveRoom.Ingest.Alerts.Acknowledging;

/// <summary>The acknowledgement page's TLS certificate (seed clause 4.5): PEM files, as a CA hands them out.</summary>
internal static class AlertHttpCertificate
{
    /// <summary>
    /// The certificate with its key; throws <see cref="System.Security.Cryptography.CryptographicException"/> or
    /// <see cref="IOException"/> naming what is wrong (no key, key does not match, not PEM, file missing).
    /// </summary>
    public static X509Certificate2 Load(string certFile, string keyFile) => X509Certificate2.CreateFromPemFile(certFile, keyFile);

    /// <summary>The certificates after the first in <paramref name="certFile"/>: intermediates a phone may need to build the chain.</summary>
    public static X509Certificate2Collection Chain(string certFile)
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
