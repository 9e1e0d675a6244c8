namespace LiveRoom.Dashboard.Options;

/// <summary>The configuration store (<c>Dashboard:Store:*</c>): users, sessions, audit log, in SQLite.</summary>
public sealed class StoreOptions
{
    /// <summary>
    /// SQLite file. Default <c>dashboard.db</c> under <c>$STATE_DIRECTORY</c> (systemd) or else the working directory.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The file actually used: <see cref="Path"/>, or the default.</summary>
    public string ResolvedPath => System.IO.Path.GetFullPath(
        !string.IsNullOrWhiteSpace(Path)
            ? Path
            : System.IO.Path.Combine(Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } s ? s.Split(':')[0] : ".", DashboardDefaults.DatabaseFile));
}
