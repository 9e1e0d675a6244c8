namespace LiveRoom.Contracts.Payloads;

/// <summary>Bounds every payload must respect; the collector rejects anything beyond them.</summary>
public static class Limits
{
    /// <summary>Largest accepted payload: 64 KiB.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    /// <summary>How far in the future a source timestamp may be before it is refused (clock error, not data).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    public const int MaxFieldsPerPoint = 64;
    public const int MaxTagsPerPoint = 8;
    public const int MaxKeyLength = 128;
    public const int MaxStringFieldLength = 4096;
}
