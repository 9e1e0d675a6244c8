namespace LiveRoom.Ingest.Security;

/// <summary>A client certificate (PEM) whose CN is <see cref="UserName"/>, and its private key (PEM).</summary>
public sealed record ClientCertificate(string UserName, string CertificatePem, string KeyPem);
