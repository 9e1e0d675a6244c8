using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Net.Security;

namespace LiveRoom.Testing;

/// <summary>A throw-away CA and a server certificate for 127.0.0.1, written as PEM files (mosquitto, libmosquitto, Kestrel).</summary>
public sealed record TestCertificates(string CaFile, string CaKeyFile, string CertFile, string KeyFile)
{
    public static TestCertificates Create(TempDirectory dir, string name, string? serverCn = "127.0.0.1")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN=LiveRoom test CA {name}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest($"CN={serverCn}", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), serial);

        var caFile = dir.Combine($"{name}-ca.crt");
        var caKeyFile = dir.Combine($"{name}-ca.key");
        File.WriteAllText(caKeyFile, caKey.ExportPkcs8PrivateKeyPem());
        var certFile = dir.Combine($"{name}-server.crt");
        var keyFile = dir.Combine($"{name}-server.key");
        File.WriteAllText(caFile, ca.ExportCertificatePem());
        File.WriteAllText(certFile, server.ExportCertificatePem());
        File.WriteAllText(keyFile, serverKey.ExportPkcs8PrivateKeyPem());
        return new TestCertificates(caFile, caKeyFile, certFile, keyFile);
    }

    /// <summary>An HTTP handler that trusts this CA alone, as a client configured with the studio's CA would.</summary>
    public SocketsHttpHandler TrustingHandler()
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(CaFile));
        return new SocketsHttpHandler
        {
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { ca },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            },
        };
    }

    /// <summary>A client certificate with the given CN, signed by this CA: (certificate file, key file).</summary>
    public (string CertFile, string KeyFile) CreateClient(TempDirectory dir, string commonName)
    {
        using var ca = X509Certificate2.CreateFromPemFile(CaFile, CaKeyFile);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(ca, now.AddMinutes(-5), ca.NotAfter.AddMinutes(-1), serial);
        var certFile = dir.Combine($"client-{commonName}.crt");
        var keyFile = dir.Combine($"client-{commonName}.key");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile);
    }
}
