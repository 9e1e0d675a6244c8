namespace LiveRoom.Runtime.Hosting;

/// <summary>A service cannot start for a reason the operator can fix; the message names the setting or resource.</summary>
public sealed class StartupException : Exception
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
