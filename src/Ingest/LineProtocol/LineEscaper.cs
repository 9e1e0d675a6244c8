using System.Text.Unicode;

namespace LiveRoom.Ingest.LineProtocol;

/// <summary>
/// Writes a string into a line with the InfluxDB line-protocol escaping of its context, as UTF-8.
/// </summary>
/// <remarks>
/// Escaping (InfluxDB 1.x line-protocol reference, "Special characters"):
/// measurement: <c>,</c> and space; tag keys, tag values, field keys: <c>,</c> <c>=</c> and space;
/// string field values: <c>"</c> and <c>\</c>.
/// Substitutions, because line protocol has no escape for them (issue 3 item 4: an injected newline or comma
/// must never create another point or tag):
/// <list type="bullet">
/// <item>LF becomes U+240A '␊' and CR becomes U+240D '␍' everywhere, string field values included, so every
/// encoded point is exactly one line.</item>
/// <item>In measurement, tag keys/values and field keys a backslash becomes U+FF3C '＼': InfluxDB 1.x reads
/// <c>\x</c> as an escape of any byte but only un-escapes <c>\,</c> <c>\=</c> and <c>\ </c> there, so a literal
/// backslash before a separator, or at the end of a tag, cannot be written faithfully and could swallow the
/// separator after it.</item>
/// </list>
/// Everything else (quotes in keys, tabs, other Unicode) is written as is. Invalid UTF-16 becomes U+FFFD.
/// </remarks>
internal static class LineEscaper
{
    // UTF-8 of the substitutes.
    private static ReadOnlySpan<byte> LineFeedSymbol => [0xE2, 0x90, 0x8A];

    private static ReadOnlySpan<byte> CarriageReturnSymbol => [0xE2, 0x90, 0x8D];

    private static ReadOnlySpan<byte> FullwidthBackslash => [0xEF, 0xBC, 0xBC];

    public static void Write(LineBuffer buffer, string value, EscapeContext context)
    {
        // Worst case per UTF-16 char: 3 bytes (a substitute or a BMP character; a surrogate pair is 4 bytes for 2 chars).
        var span = buffer.GetSpan(value.Length * 3);
        var w = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x80)
            {
                var end = i + 1;
                while (end < value.Length && value[end] >= 0x80)
                {
                    end++;
                }

                Utf8.FromUtf16(value.AsSpan(i, end - i), span[w..], out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
                w += written;
                i = end - 1;
                continue;
            }

            switch (c)
            {
                case '\n':
                    LineFeedSymbol.CopyTo(span[w..]);
                    w += 3;
                    continue;
                case '\r':
                    CarriageReturnSymbol.CopyTo(span[w..]);
                    w += 3;
                    continue;
                case '\\' when context != EscapeContext.StringField:
                    FullwidthBackslash.CopyTo(span[w..]);
                    w += 3;
                    continue;
                case '\\' or '"' when context == EscapeContext.StringField:
                case ',' or ' ' when context != EscapeContext.StringField:
                case '=' when context == EscapeContext.Key:
                    span[w++] = (byte)'\\';
                    break;
            }

            span[w++] = (byte)c;
        }

        buffer.Advance(w);
    }
}
