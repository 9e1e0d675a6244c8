namespace LiveRoom.Runtime.Services;

/// <summary>A TLS listener of the local broker (seed clause 4.5).</summary>
public sealed record MosquittoTlsListener
{
    public required string CaFile { get; init; }

    public required string CertFile { get; init; }

    public required string KeyFile { get; init; }

    /// <summary>Require a client certificate signed by <see cref="CaFile"/>.</summary>
    public bool RequireCertificate { get; init; }

    /// <summary>With <see cref="RequireCertificate"/>: use the certificate's CN as the user name (for ACLs).</summary>
    public bool UseIdentityAsUsername { get; init; }

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }
}
