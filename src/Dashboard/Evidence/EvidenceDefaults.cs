namespace LiveRoom.Dashboard.Evidence;

/// <summary>Defaults of <see cref="EvidenceOptions"/>.</summary>
public static class EvidenceDefaults
{
    public const int RetentionDays = 90;
    public const int MinRetentionDays = 60;
    public const int MaxRetentionDays = 3650;
    public const string ClientId = "liveroom-dashboard-evidence";
    public const string DirectoryName = "thumbnails";
    public static readonly TimeSpan SweepInterval = TimeSpan.FromDays(1);
}
