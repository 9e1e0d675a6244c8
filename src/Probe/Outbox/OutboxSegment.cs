using System.Globalization;

namespace LiveRoom.Probe.Outbox;

/// <summary>
/// One append-only segment file, named after the first sequence number it holds (<c>00000000000000000001.seg</c>).
/// Sequence numbers are contiguous inside the outbox, so a segment's last seq is the next one's first minus one.
/// </summary>
internal sealed class OutboxSegment(string path, long firstSeq)
{
    public const string Extension = ".seg";

    public string Path { get; } = path;

    public long FirstSeq { get; } = firstSeq;

    /// <summary>Last seq held; <c>FirstSeq - 1</c> when empty.</summary>
    public long LastSeq { get; set; } = firstSeq - 1;

    public long Length { get; set; }

    public long Count => LastSeq - FirstSeq + 1;

    public static string FileName(long firstSeq) =>
        firstSeq.ToString("D20", CultureInfo.InvariantCulture) + Extension;

    public static bool TryParseFileName(string fileName, out long firstSeq)
    {
        firstSeq = 0;
        return fileName.EndsWith(Extension, StringComparison.Ordinal)
            && long.TryParse(fileName.AsSpan(0, fileName.Length - Extension.Length), NumberStyles.None, CultureInfo.InvariantCulture, out firstSeq)
            && firstSeq > 0;
    }
}
