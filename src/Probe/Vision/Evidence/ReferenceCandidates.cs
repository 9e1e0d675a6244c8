using System.Globalization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>
/// Frames captured for commissioning (issue 5 item 2), kept on the edge until a technician approves one with its
/// regions: <c>candidates/{captureId}-{width}x{height}.yuv</c> under the room's reference directory. Only the newest
/// <see cref="Keep"/> are kept. <see cref="Promote"/> turns one into the active reference, versioned, with who/when.
/// </summary>
public sealed class ReferenceCandidates(string referenceDirectory)
{
    /// <summary>Candidates kept (older ones are removed when a new one is saved).</summary>
    public const int Keep = 10;

    public string Directory { get; } = Path.Combine(referenceDirectory, "candidates");

    public string ReferenceDirectory { get; } = referenceDirectory;

    /// <summary>Stores a captured frame (yuv420p) as candidate <paramref name="captureId"/>.</summary>
    public string Save(string captureId, ReadOnlySpan<byte> yuv, int width, int height, DateTimeOffset at)
    {
        Identifier.ThrowIfInvalid(captureId, nameof(captureId));
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{captureId}-{width}x{height}.yuv"));
        File.WriteAllBytes(path + ".tmp", yuv.ToArray());
        File.Move(path + ".tmp", path, overwrite: true);
        File.SetLastWriteTimeUtc(path, at.UtcDateTime);
        foreach (var old in new DirectoryInfo(Directory).GetFiles("*.yuv").OrderByDescending(f => f.LastWriteTimeUtc).Skip(Keep))
        {
            old.Delete();
        }

        return path;
    }

    /// <summary>
    /// Makes candidate <paramref name="captureId"/> with <paramref name="layout"/> the room's reference
    /// <paramref name="version"/>; null with the reason when it cannot (unknown capture, bad regions, bad file).
    /// </summary>
    public Reference? Promote(string captureId, RoomLayout layout, int version, string by, DateTimeOffset at, out string? refusal)
    {
        refusal = null;
        if (!Identifier.IsValid(captureId, out var bad))
        {
            refusal = "capture id: " + bad;
            return null;
        }

        if (layout.Validate() is { } wrong)
        {
            refusal = wrong;
            return null;
        }

        var file = System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, captureId + "-*.yuv").FirstOrDefault() : null;
        if (file is null || !TryParseSize(Path.GetFileNameWithoutExtension(file)[(captureId.Length + 1)..], out var w, out var h))
        {
            refusal = $"no captured frame '{captureId}' on this edge (in {Directory}): capture the reference again";
            return null;
        }

        var planes = File.ReadAllBytes(file);
        if (planes.Length != w * h * 3 / 2)
        {
            refusal = $"candidate {file} does not hold one {w}x{h} yuv420p frame";
            return null;
        }

        var luma = w * h;
        var reference = new Reference(w, h, planes[..luma], planes[luma..(luma * 5 / 4)], planes[(luma * 5 / 4)..], layout, version, by, at);
        ReferenceStore.Save(reference, ReferenceDirectory);
        return reference;
    }

    private static bool TryParseSize(string text, out int width, out int height)
    {
        width = height = 0;
        var x = text.IndexOf('x', StringComparison.Ordinal);
        return x > 0
            && int.TryParse(text[..x], NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(text[(x + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out height)
            && width > 0 && height > 0 && width % 2 == 0 && height % 2 == 0;
    }
}
