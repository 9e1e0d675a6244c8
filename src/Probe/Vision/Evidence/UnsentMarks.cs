using System.Text.Json;
using LiveRoom.Contracts.Payloads.Vision;

namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>
/// Thumbnails the broker has not confirmed yet, kept on disk so they survive a probe restart: a sidecar
/// <c>{ts}-{reason}[-{capture}].unsent</c> next to the JPEG in the evidence directory, holding the
/// <see cref="ThumbnailMessage"/> JSON with an empty <c>jpeg</c>. The mark is written (temp then rename, so a crash
/// leaves either no mark or a whole one) before the JPEG and before the publication, and removed on the PUBACK; a
/// message rebuilt from the mark and the JPEG serialises to the same bytes as the original, so the central store
/// (which names files by ts and reason) keeps it once. A mark whose JPEG is gone was pruned by the directory bound.
/// </summary>
internal static class UnsentMarks
{
    public const string Extension = ".unsent";

    public static string MarkOf(string jpeg) => Path.ChangeExtension(jpeg, Extension);

    public static string JpegOf(string mark) => Path.ChangeExtension(mark, ".jpg");

    public static bool Exists(string jpeg) => File.Exists(MarkOf(jpeg));

    /// <summary>Marks <paramref name="message"/> (to be kept at <paramref name="jpeg"/>) as not yet confirmed.</summary>
    public static void Write(ThumbnailMessage message, string jpeg)
    {
        var mark = MarkOf(jpeg);
        Directory.CreateDirectory(Path.GetDirectoryName(mark)!);
        File.WriteAllBytes(mark + ".tmp", JsonSerializer.SerializeToUtf8Bytes(message with { Jpeg = [] }, VisionJsonContext.Default.ThumbnailMessage));
        File.Move(mark + ".tmp", mark, overwrite: true);
    }

    /// <summary>The message as it was first published: the mark's fields and the JPEG's bytes.</summary>
    public static ThumbnailMessage Read(string jpeg)
    {
        var mark = JsonSerializer.Deserialize(File.ReadAllBytes(MarkOf(jpeg)), VisionJsonContext.Default.ThumbnailMessage)
            ?? throw new JsonException($"{MarkOf(jpeg)}: the mark is JSON null");
        return mark with { Jpeg = File.ReadAllBytes(jpeg) };
    }

    /// <summary>Removes the mark (no-op when there is none), and the day directory when nothing is left in it.</summary>
    public static void Remove(string jpeg)
    {
        var mark = MarkOf(jpeg);
        if (!File.Exists(mark))
        {
            return;
        }

        File.Delete(mark);
        if (Path.GetDirectoryName(mark) is { } day && !Directory.EnumerateFileSystemEntries(day).Any())
        {
            try
            {
                Directory.Delete(day);
            }
            catch (IOException)
            {
                // A thumbnail was written into it meanwhile: keep it.
            }
        }
    }

    /// <summary>The JPEG paths of every mark under <paramref name="root"/>, oldest first (day, then name: the timestamp leads).</summary>
    public static IReadOnlyList<string> Oldest(string root) =>
        !Directory.Exists(root)
            ? []
            : [.. new DirectoryInfo(root).EnumerateFiles("*" + Extension, SearchOption.AllDirectories)
                .OrderBy(f => f.Directory!.Name, StringComparer.Ordinal)
                .ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => JpegOf(f.FullName))];
}
