using System.Globalization;

namespace LiveRoom.Probe.Stream;

/// <summary>
/// Parses ffmpeg's <c>-f framecrc</c> output (stream copy, so demux cost only): header lines
/// <c>#tb 0: 1/90000</c>, <c>#media_type 0: video</c>, <c>#codec_id 0: h264</c>, <c>#dimensions 0: 1920x1080</c>,
/// <c>#sample_rate 1: 48000</c>, then one line per packet:
/// <c>index, dts, pts, duration, size, 0xadler32[, F=0xflags][, S=side data...]</c>. The F field appears only when the
/// flags are not exactly "key" (libavformat/framecrcenc.c), so a packet is a keyframe when F is absent or has bit 0.
/// Numbers are parsed with the invariant culture.
/// </summary>
internal static class FramecrcParser
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    public static bool TryParsePacket(ReadOnlySpan<char> line, out FramecrcPacket packet)
    {
        packet = default;
        if (line.IsEmpty || line[0] == '#')
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[8];
        var count = line.Split(parts, ',');
        if (count < 5
            || !int.TryParse(line[parts[0]], Integer, CultureInfo.InvariantCulture, out var index)
            || !long.TryParse(line[parts[1]], Integer, CultureInfo.InvariantCulture, out var dts)
            || !long.TryParse(line[parts[2]], Integer, CultureInfo.InvariantCulture, out var pts)
            || !long.TryParse(line[parts[3]], Integer, CultureInfo.InvariantCulture, out var duration)
            || !int.TryParse(line[parts[4]], Integer, CultureInfo.InvariantCulture, out var size)
            || index < 0
            || size < 0)
        {
            return false;
        }

        var key = true;
        for (var i = 6; i < count; i++)
        {
            var field = line[parts[i]].Trim();
            if (field.StartsWith("F=0x", StringComparison.Ordinal)
                && int.TryParse(field[4..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var flags))
            {
                key = (flags & 1) != 0;
            }
        }

        packet = new FramecrcPacket(index, dts, pts, duration, size, key);
        return true;
    }

    /// <summary>Applies a <c>#name N: value</c> header line to <paramref name="streams"/>; false if it is not one we use.</summary>
    public static bool TryApplyHeader(ReadOnlySpan<char> line, Dictionary<int, StreamInfo> streams)
    {
        if (line.IsEmpty || line[0] != '#')
        {
            return false;
        }

        var space = line.IndexOf(' ');
        var colon = line.IndexOf(':');
        if (space < 0 || colon < space
            || !int.TryParse(line[(space + 1)..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }

        var name = line[1..space];
        var value = line[(colon + 1)..].Trim();
        if (!streams.TryGetValue(index, out var info))
        {
            streams[index] = info = new StreamInfo();
        }

        switch (name)
        {
            case "media_type":
                info.MediaType = value.ToString();
                return true;
            case "codec_id":
                info.Codec = value.ToString();
                return true;
            case "dimensions":
                return TryParsePair(value, 'x', out var w, out var h) && Set(() => (info.Width, info.Height) = ((int)w, (int)h));
            case "tb":
                return TryParsePair(value, '/', out var num, out var den) && den > 0 && Set(() => info.TimeBase = (double)num / den);
            case "sample_rate":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && Set(() => info.SampleRate = rate);
            default:
                return false;
        }
    }

    private static bool TryParsePair(ReadOnlySpan<char> value, char separator, out long a, out long b)
    {
        a = 0;
        b = 0;
        var at = value.IndexOf(separator);
        return at > 0
            && long.TryParse(value[..at], NumberStyles.None, CultureInfo.InvariantCulture, out a)
            && long.TryParse(value[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out b);
    }

    private static bool Set(Action apply)
    {
        apply();
        return true;
    }
}
