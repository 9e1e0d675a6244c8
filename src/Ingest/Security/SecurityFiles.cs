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

    /// <summary><c>user password</c> of the dashboard's account; null when no dashboard user was asked for (then not written).</summary>
    public string? DashboardCredentials { get; init; }

    /// <summary>One line per room, <c>site/room user password</c>, of the door signs' accounts; null when signs were not asked for (then not written).</summary>
    public string? SignCredentials { get; init; }

    public const string CertificateDirectoryName = "certs";

    public const string PasswordFileName = "passwords";
    public const string AclFileName = "acl";
    public const string DynamicSecurityFileName = "dynamic-security.json";
    public const string RoomCredentialsFileName = "rooms.credentials";
    public const string CollectorCredentialsFileName = "collector.credentials";
    public const string DashboardCredentialsFileName = "dashboard.credentials";
    public const string SignCredentialsFileName = "signs.credentials";
}
