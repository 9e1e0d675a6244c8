namespace LiveRoom.Demo.Supervision;

/// <summary>One run of a supervised child: how to know it ended, what it said last, how to stop it.</summary>
internal sealed class RunningChild
{
    public required int Pid { get; init; }

    /// <summary>Completes with the exit code (null when unknown) when the process has ended.</summary>
    public required Task<int?> Exited { get; init; }

    /// <summary>The last lines it wrote (stderr, and stdout for LiveRoom services), for the report.</summary>
    public required Func<string> Tail { get; init; }

    /// <summary>SIGTERM, the grace period, then SIGKILL of its tree.</summary>
    public required Func<TimeSpan, Task> StopAsync { get; init; }

    /// <summary>Whether the child leads its own process group (started through setsid).</summary>
    public bool OwnGroup { get; init; }

    /// <summary>A start that failed: "exits" at once with the error as its last words.</summary>
    public static RunningChild Failed(string error) => new()
    {
        Pid = 0,
        Exited = Task.FromResult<int?>(null),
        Tail = () => error,
        StopAsync = _ => Task.CompletedTask,
    };
}
