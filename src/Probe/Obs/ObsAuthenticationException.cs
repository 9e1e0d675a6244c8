namespace LiveRoom.Probe.Obs;

/// <summary>OBS refused the Identify: close code 4009 AuthenticationFailed (wrong or missing <c>Probe:Obs:Password</c>).</summary>
public sealed class ObsAuthenticationException : ObsException
{
    public ObsAuthenticationException(string message)
        : base(message)
    {
    }

    public ObsAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
