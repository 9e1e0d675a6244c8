using System.Text.Json;

namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>
/// A room's reference in a directory: <c>reference.json</c> (size, layout, version, who/when) and <c>reference.yuv</c>
/// (the raw yuv420p planes). JSON numbers are invariant by definition, so a German or Chinese locale reads the same file.
/// </summary>
public static class ReferenceStore
{
    public const string MetadataFile = "reference.json";
    public const string PlanesFile = "reference.yuv";

    public static void Save(Reference reference, string directory)
    {
        Directory.CreateDirectory(directory);
        var planes = new byte[reference.Y.Length + reference.U.Length + reference.V.Length];
        reference.Y.CopyTo(planes, 0);
        reference.U.CopyTo(planes, reference.Y.Length);
        reference.V.CopyTo(planes, reference.Y.Length + reference.U.Length);

        // Planes first: a metadata file always describes a complete planes file.
        WriteAtomically(Path.Combine(directory, PlanesFile), planes);
        var meta = new ReferenceMetadata(reference.Width, reference.Height, reference.Layout, reference.Version, reference.CapturedBy, reference.CapturedAt);
        WriteAtomically(Path.Combine(directory, MetadataFile), JsonSerializer.SerializeToUtf8Bytes(meta, ReferenceJsonContext.Default.ReferenceMetadata));
    }

    /// <summary>The stored reference, or null with the reason (none yet = not commissioned; unreadable or inconsistent).</summary>
    public static Reference? Load(string directory, out string? problem)
    {
        problem = null;
        var metaPath = Path.Combine(directory, MetadataFile);
        var planesPath = Path.Combine(directory, PlanesFile);
        if (!File.Exists(metaPath) || !File.Exists(planesPath))
        {
            problem = "not commissioned: no reference frame in " + directory;
            return null;
        }

        try
        {
            var meta = JsonSerializer.Deserialize(File.ReadAllBytes(metaPath), ReferenceJsonContext.Default.ReferenceMetadata);
            if (meta is null || meta.Layout is null || meta.Width <= 0 || meta.Height <= 0 || meta.Width % 2 != 0 || meta.Height % 2 != 0)
            {
                problem = "reference metadata " + metaPath + " is incomplete";
                return null;
            }

            if (meta.Layout.Validate() is { } bad)
            {
                problem = "reference layout: " + bad;
                return null;
            }

            var planes = File.ReadAllBytes(planesPath);
            var luma = meta.Width * meta.Height;
            if (planes.Length != luma * 3 / 2)
            {
                problem = "reference planes " + planesPath + " do not hold one " + meta.Width + "x" + meta.Height + " yuv420p frame";
                return null;
            }

            return new Reference(
                meta.Width,
                meta.Height,
                planes[..luma],
                planes[luma..(luma * 5 / 4)],
                planes[(luma * 5 / 4)..],
                meta.Layout,
                meta.Version,
                meta.CapturedBy ?? string.Empty,
                meta.CapturedAt);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            problem = "reference in " + directory + " is unreadable: " + e.Message;
            return null;
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
