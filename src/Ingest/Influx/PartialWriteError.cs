using System.Text;
using LiveRoom.Ingest.LineProtocol;

namespace LiveRoom.Ingest.Influx;

/// <summary>
/// Reads InfluxDB 1.x's 400 error text. For lines that did not parse it names each one:
/// <c>partial write: unable to parse '{line}': {reason}\nunable to parse '{line}': {reason} dropped=0</c>
/// (without the "partial write" prefix when no line parsed). Other refusals (field type conflicts, points
/// beyond the retention policy) name no line; the writer then bisects the batch.
/// </summary>
internal static class PartialWriteError
{
    private const string PartialPrefix = "partial write: ";
    private const string Unparsable = "unable to parse '";

    /// <summary>
    /// Finds the indexes of the lines an "unable to parse" error names. True only when the error consists of
    /// such lines and every one of them was found in <paramref name="lines"/>[first, first+count).
    /// </summary>
    public static bool TryFindUnparsable(string error, LineBuffer lines, int first, int count, List<int> found)
    {
        var text = error.StartsWith(PartialPrefix, StringComparison.Ordinal) ? error[PartialPrefix.Length..] : error;
        if (!text.StartsWith(Unparsable, StringComparison.Ordinal))
        {
            return false;
        }

        var byText = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = first; i < first + count; i++)
        {
            var line = lines.Line(i).Span;
            byText.TryAdd(Encoding.UTF8.GetString(line[..^1]), i);
        }

        var occurrences = 0;
        var position = 0;
        while ((position = text.IndexOf(Unparsable, position, StringComparison.Ordinal)) >= 0)
        {
            occurrences++;
            var start = position + Unparsable.Length;
            var match = -1;
            var end = start;

            // The line itself may contain "': ", so try each candidate end in turn.
            while ((end = text.IndexOf("': ", end, StringComparison.Ordinal)) >= 0)
            {
                if (byText.TryGetValue(text[start..end], out match))
                {
                    break;
                }

                end++;
            }

            if (end < 0 || match < 0)
            {
                return false;
            }

            found.Add(match);
            position = end;
        }

        return occurrences > 0 && found.Count == occurrences;
    }

    /// <summary>The error without its <c>dropped=N</c> count, as the key of "log each distinct error once".</summary>
    public static string Normalize(string error)
    {
        var dropped = error.LastIndexOf(" dropped=", StringComparison.Ordinal);
        var text = dropped > 0 ? error[..dropped] : error;
        return text.Length > 512 ? text[..512] : text;
    }
}
