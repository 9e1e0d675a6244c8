using System.Globalization;
using LiveRoom.Contracts.Payloads.Vision;

namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>
/// The edge's own copy of its thumbnails: <c>{yyyy-MM-dd}/{ts}-{reason}.jpg</c> under <see cref="Path"/>, the oldest
/// removed once the total exceeds the bound (the central store keeps them for 60+ days; the edge only for as long
/// as the bound allows, so a long broker outage cannot fill the studio PC's disk).
/// </summary>
internal sealed class EvidenceDirectory(string path, long maxBytes)
{
    public string Path { get; } = path;

    /// <summary>Where <see cref="Write"/> keeps <paramref name="message"/>'s JPEG.</summary>
    public string PathOf(ThumbnailMessage message)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(message.Ts);
        var day = System.IO.Path.Combine(Path, at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var name = string.Create(CultureInfo.InvariantCulture, $"{message.Ts}-{message.Reason}{(message.Capture is null ? string.Empty : "-" + message.Capture)}.jpg");
        return System.IO.Path.Combine(day, name);
    }

    public string Write(ThumbnailMessage message)
    {
        var file = PathOf(message);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file + ".tmp", message.Jpeg);
        File.Move(file + ".tmp", file, overwrite: true);
        Prune();
        return file;
    }

    /// <summary>
    /// Removes the oldest JPEGs (by name: the timestamp leads) until the total is within the bound. An unsent mark
    /// (<see cref="UnsentMarks"/>) is left behind on purpose: the next replay finds it without its JPEG and counts it lost.
    /// </summary>
    internal void Prune()
    {
        var files = new DirectoryInfo(Path).EnumerateFiles("*.jpg", SearchOption.AllDirectories)
            .OrderBy(f => f.Directory!.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var total = files.Sum(f => f.Length);
        foreach (var f in files)
        {
            if (total <= maxBytes)
            {
                break;
            }

            total -= f.Length;
            f.Delete();
            if (f.Directory is { } d && !d.EnumerateFileSystemInfos().Any())
            {
                d.Delete();
            }
        }
    }
}
