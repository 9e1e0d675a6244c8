namespace LiveRoom.Probe.Stream;

/// <summary>
/// Reads the codec profile from ffmpeg's input dump on stderr (<c>-v info</c>), the only place a stream-copying ffmpeg
/// names it: <c>  Stream #0:0[0x100]: Video: h264 (High) ([27][0][0][0] / 0x001B), yuv420p, 1920x1080, 30 fps</c>.
/// Only lines between <c>Input #</c> and <c>Output #</c>/<c>Stream mapping:</c> count (output dumps use the same form).
/// </summary>
internal sealed class StreamDumpParser
{
    private bool _inInput;

    public string? VideoProfile { get; private set; }

    public string? AudioProfile { get; private set; }

    /// <summary>The input dump has ended (its tracks below are complete).</summary>
    public bool InputKnown { get; private set; }

    public bool InputHasVideo { get; private set; }

    public bool InputHasAudio { get; private set; }

    public void Reset()
    {
        _inInput = false;
        InputKnown = false;
        InputHasVideo = false;
        InputHasAudio = false;
        VideoProfile = null;
        AudioProfile = null;
    }

    /// <summary>Applies one stderr line; true when it was a stream line of the input.</summary>
    public bool OnLine(string line)
    {
        if (line.StartsWith("Input #", StringComparison.Ordinal))
        {
            _inInput = true;
            return false;
        }

        if (line.StartsWith("Output #", StringComparison.Ordinal) || line.StartsWith("Stream mapping:", StringComparison.Ordinal))
        {
            InputKnown |= _inInput;
            _inInput = false;
            return false;
        }

        if (_inInput && !line.StartsWith(' '))
        {
            // The dump's lines are indented; anything else ends it (e.g. "Stream map '0:a:0' matches no streams.").
            InputKnown = true;
            _inInput = false;
            return false;
        }

        if (!_inInput || !line.TrimStart().StartsWith("Stream #", StringComparison.Ordinal))
        {
            return false;
        }

        if (TryProfile(line, "Video: ", out var video))
        {
            InputHasVideo = true;
            VideoProfile ??= video;
            return true;
        }

        if (TryProfile(line, "Audio: ", out var audio))
        {
            InputHasAudio = true;
            AudioProfile ??= audio;
            return true;
        }

        return false;
    }

    /// <summary>The first parenthesised word after the codec name, unless it is a codec tag (<c>[27][0][0][0] / 0x001B</c>).</summary>
    internal static bool TryProfile(string line, string marker, out string? profile)
    {
        profile = null;
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var rest = line.AsSpan(at + marker.Length);
        var comma = rest.IndexOf(',');
        var head = comma >= 0 ? rest[..comma] : rest;
        var open = head.IndexOf('(');
        var close = open >= 0 ? head[open..].IndexOf(')') : -1;
        if (open >= 0 && close > 1)
        {
            var inner = head.Slice(open + 1, close - 1).Trim();
            if (inner.Length > 0 && !inner.Contains('/') && inner[0] != '[')
            {
                profile = inner.ToString();
            }
        }

        return true;
    }
}
