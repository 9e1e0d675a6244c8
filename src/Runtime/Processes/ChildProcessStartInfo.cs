namespace LiveRoom.Runtime.Processes;

/// <summary>What to start: a program with an argument list (never one concatenated string; STYLE.md rule 9).</summary>
public sealed record ChildProcessStartInfo
{
    /// <summary>Short name used in logs and errors, e.g. "ffprobe room-1" or "mosquitto".</summary>
    public required string Name { get; init; }

    /// <summary>Program to run: a name looked up on PATH (and /usr/sbin) or a path.</summary>
    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    /// <summary>Extra environment variables for the child (added to the inherited environment).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Called for every stdout line, on a reader thread. Keep it quick.</summary>
    public Action<string>? StdoutLine { get; init; }

    /// <summary>Called for every stderr line, on a reader thread. The last lines are also kept for errors.</summary>
    public Action<string>? StderrLine { get; init; }

    /// <summary>
    /// Start the child as the leader of its own process group (through util-linux <c>setsid</c>, which execs in
    /// place so the pid stays the child's): a Ctrl-C in the terminal then reaches only the parent, which stops
    /// its children in order. Default false.
    /// </summary>
    public bool OwnProcessGroup { get; init; }

    /// <summary>How many stderr lines to keep for error messages; default 40.</summary>
    public int StderrTailLines { get; init; } = 40;
}
