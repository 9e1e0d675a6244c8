namespace LiveRoom.Demo.Supervision;

/// <summary>The supervisor's log events (STYLE.md rule 12).</summary>
internal static partial class SupervisorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Child} (pid {Pid})")]
    public static partial void Started(ILogger logger, string child, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Child} (pid {Pid}) exited unexpectedly with code {ExitCode} after {RanSeconds:0.0} s; last output: {Tail}")]
    public static partial void ExitedUnexpectedly(ILogger logger, string child, int pid, string exitCode, double ranSeconds, string tail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restarting {Child} in {DelaySeconds:0.0} s")]
    public static partial void Restarting(ILogger logger, string child, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Giving up on {Child}: {Reason}; stopping the demo")]
    public static partial void GivingUp(ILogger logger, string child, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Child} could not be started again: {Error}")]
    public static partial void RestartFailed(ILogger logger, string child, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping {Child}")]
    public static partial void Stopping(ILogger logger, string child);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Killed processes {Child} left behind in its process group")]
    public static partial void KilledLeftovers(ILogger logger, string child);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[{Child}] {Line}")]
    public static partial void ChildSaid(ILogger logger, string child, string line);
}
