namespace LiveRoom.Ingest.Security;

/// <summary>
/// What <see cref="MosquittoSecurityGenerator"/> produces, as text. File names are those written by
/// <see cref="MosquittoSecurityGenerator.WriteAsync"/>.
/// </summary>
public sealed record SecurityFiles(
    IReadOnlyList<BrokerUser> Users,
    string PasswordFile,
    string AclFile,
    string DynamicSecurityJson,
    string RoomCredentials,
    string CollectorCredentials)
{
    /// <summary>Client certificates (CN = user name), when a CA was given; written under <see cref="CertificateDirectoryName"/>.</summary>
    public IReadOnlyList<ClientCertificate> Certificates { get; init; } = [];

    public const string CertificateDirectoryName = "certs";

    public const string PasswordFileName = "passwords";
    public const string AclFileName = "acl";
    public const string DynamicSecurityFileName = "dynamic-security.json";
    public const string RoomCredentialsFileName = "rooms.credentials";
    public const string CollectorCredentialsFileName = "collector.credentials";
}
