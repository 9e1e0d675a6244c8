using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Security;

/// <summary>A throw-away CA (PEM files) and a broker certificate for 127.0.0.1 signed by it.</summary>
internal sealed record TestCa(string CertFile, string KeyFile, string ServerCertFile, string ServerKeyFile)
{
    public static TestCa Create(TempDirectory dir)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=LiveRoom test operator CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(san.Build());
        using var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(29), RandomNumberGenerator.GetBytes(8));

        var result = new TestCa(dir.Combine("ca.crt"), dir.Combine("ca.key"), dir.Combine("server.crt"), dir.Combine("server.key"));
        File.WriteAllText(result.CertFile, ca.ExportCertificatePem());
        File.WriteAllText(result.KeyFile, caKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(result.ServerCertFile, server.ExportCertificatePem());
        File.WriteAllText(result.ServerKeyFile, serverKey.ExportPkcs8PrivateKeyPem());
        return result;
    }
}
