namespace LiveRoom.Backup;

/// <summary>A backup or restore could not be done: the message names the file, setting or program and why (no stack trace).</summary>
public sealed class BackupException : Exception
{
    public BackupException()
    {
    }

    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
