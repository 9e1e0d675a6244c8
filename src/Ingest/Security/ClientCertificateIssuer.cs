using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LiveRoom.Ingest.Security;

/// <summary>
/// Issues one client certificate per broker user, signed by the operator's CA, with CN = the user name.
/// On a mosquitto TLS listener with <c>require_certificate true</c> and <c>use_identity_as_username true</c>
/// the CN becomes the user name, so the same ACL (or dynamic-security roles) applies without passwords.
/// </summary>
public static class ClientCertificateIssuer
{
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(397);

    public static IReadOnlyList<ClientCertificate> Issue(IEnumerable<BrokerUser> users, string caCertificateFile, string caKeyFile, TimeSpan validity, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(time);
        using var ca = X509Certificate2.CreateFromPemFile(caCertificateFile, caKeyFile);
        if (!ca.HasPrivateKey)
        {
            throw new ArgumentException($"CA key '{caKeyFile}' does not match certificate '{caCertificateFile}'", nameof(caKeyFile));
        }

        var now = time.GetUtcNow();
        var notAfter = now + validity < ca.NotAfter ? now + validity : new DateTimeOffset(ca.NotAfter.ToUniversalTime());
        var issued = new List<ClientCertificate>();
        foreach (var user in users)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(new X500DistinguishedName("CN=" + user.UserName), key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
            var serial = RandomNumberGenerator.GetBytes(16);
            serial[0] &= 0x7F;
            using var certificate = request.Create(ca, now.AddMinutes(-5), notAfter, serial);
            issued.Add(new ClientCertificate(user.UserName, certificate.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n"));
        }

        return issued;
    }
}
