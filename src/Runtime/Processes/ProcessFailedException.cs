namespace LiveRoom.Runtime.Processes;

/// <summary>A child program could not be started, timed out, or failed; the message names the program, the exit code and the tail of its stderr.</summary>
public sealed class ProcessFailedException : Exception
{
    public ProcessFailedException()
    {
    }

    public ProcessFailedException(string message)
        : base(message)
    {
    }

    public ProcessFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProcessFailedException(string message, int? exitCode, string stderrTail)
        : base(message)
    {
        ExitCode = exitCode;
        StderrTail = stderrTail;
    }

    /// <summary>Exit code, or null when the program did not start or was killed on timeout.</summary>
    public int? ExitCode { get; }

    public string StderrTail { get; } = string.Empty;
}
