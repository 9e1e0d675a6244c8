namespace LiveRoom.Probe.Outbox;

/// <summary>The outbox's files cannot be used (unreadable meta file, directory not writable, disk full).</summary>
public sealed class OutboxException : Exception
{
    public OutboxException()
    {
    }

    public OutboxException(string message)
        : base(message)
    {
    }

    public OutboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
