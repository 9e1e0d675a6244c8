using System.Collections.Concurrent;
using System.Text.Json;
using LiveRoom.Contracts.Payloads.Vision;

namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>
/// The last few thumbnails each edge published (issue 5 evidence), kept in memory so the acknowledgement page can show
/// what the camera saw when an alert fired (issue 7 item 4). Bounded: <see cref="PerRoom"/> per room, each under
/// <see cref="ThumbnailMessage.MaxJpegBytes"/>. The dashboard keeps the 60-day archive; this is only the recent past.
/// </summary>
public sealed class ThumbnailBook
{
    /// <summary>About an hour at the default 5-minute interval, plus event thumbnails.</summary>
    public const int PerRoom = 16;

    private readonly ConcurrentDictionary<(string Site, string Room), Thumbnail[]> _rooms = new();

    /// <summary>One stored picture: source time (UTC Unix ms), why it was taken, the JPEG bytes.</summary>
    public sealed record Thumbnail(long Ts, string Reason, byte[] Jpeg);

    /// <summary>Takes a <c>thumbnail</c> payload; false (and nothing kept) when it is not a well-formed JPEG thumbnail of that room.</summary>
    public bool Add(string site, string room, ReadOnlySpan<byte> payload)
    {
        ThumbnailMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(payload, VisionJsonContext.Default.ThumbnailMessage);
        }
        catch (JsonException)
        {
            return false;
        }

        if (message is null || message.Site != site || message.Room != room || !IsJpeg(message.Jpeg))
        {
            return false;
        }

        var added = new Thumbnail(message.Ts, message.Reason, message.Jpeg);
        _rooms.AddOrUpdate(
            (site, room),
            [added],
            (_, old) => [.. old.Append(added).OrderBy(t => t.Ts).TakeLast(PerRoom)]);
        return true;
    }

    /// <summary>
    /// The picture that best shows a problem that began at <paramref name="since"/>: the first one taken at or after it
    /// (an event thumbnail follows the event), else the newest one before it; null when the room sent none.
    /// </summary>
    public Thumbnail? Closest(string site, string room, DateTimeOffset since)
    {
        if (!_rooms.TryGetValue((site, room), out var list) || list.Length == 0)
        {
            return null;
        }

        var ms = since.ToUnixTimeMilliseconds();
        return list.FirstOrDefault(t => t.Ts >= ms) ?? list[^1];
    }

    private static bool IsJpeg(byte[]? jpeg) =>
        jpeg is { Length: > 4 and <= ThumbnailMessage.MaxJpegBytes } && jpeg[0] == 0xFF && jpeg[1] == 0xD8 && jpeg[^2] == 0xFF && jpeg[^1] == 0xD9;
}
