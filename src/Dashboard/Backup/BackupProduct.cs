using System.Reflection;

namespace LiveRoom.Dashboard.Backup;

/// <summary>The program and version written into a manifest.</summary>
internal static class BackupProduct
{
    public const string Name = "liveroom-dashboard";

    public static string Version { get; } =
        typeof(BackupProduct).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BackupProduct).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
