namespace LiveRoom.Runtime.Processes;

/// <summary>Finds a program on PATH, and in /usr/sbin where Debian puts mosquitto for root only.</summary>
public static class ProgramLocator
{
    public static string? Find(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(program) ? program : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/usr/local/sbin", "/sbin"]))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The program's full path, or a <see cref="ProcessFailedException"/> that names it and the Debian package.</summary>
    public static string Require(string program, string? debianPackage = null) =>
        Find(program) ?? throw new ProcessFailedException(
            $"program '{program}' was not found on PATH" + (debianPackage is null ? string.Empty : $" (Debian package '{debianPackage}'; run scripts/install.sh)"));
}
