namespace LiveRoom.Runtime.Processes;

/// <summary>Result of a short-lived program run by <see cref="ProcessRunner"/>.</summary>
public sealed record ProcessResult(string Name, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Throws <see cref="ProcessFailedException"/> with the exit code and stderr tail unless the exit code is 0.</summary>
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            var tail = Tail(Stderr, 10);
            throw new ProcessFailedException($"{Name} exited with code {ExitCode}: {tail}", ExitCode, tail);
        }

        return this;
    }

    internal static string Tail(string text, int lines)
    {
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", all.Skip(Math.Max(0, all.Length - lines)));
    }
}
