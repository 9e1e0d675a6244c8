namespace LiveRoom.Ingest.Tests.Support;

/// <summary>
/// Splits one line the way InfluxDB 1.x's scanner does (models/points.go: a backslash escapes the next byte,
/// sections are separated by unescaped spaces, field values in double quotes are opaque), to check structure.
/// </summary>
internal static class LineScanner
{
    public sealed record Shape(string Key, int Tags, int Fields, string Timestamp);

    public static Shape Scan(string line)
    {
        var sections = new List<string>();
        var start = 0;
        var quoted = false;
        var inFields = false;
        int equals = 0, commas = 0, tagCommas = 0, fieldCommas = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                i++;
                continue;
            }

            if (inFields && c == '"' && equals > commas)
            {
                quoted = !quoted;
                continue;
            }

            if (quoted)
            {
                continue;
            }

            if (inFields && c == '=')
            {
                equals++;
            }
            else if (c == ',')
            {
                if (inFields)
                {
                    commas++;
                    fieldCommas++;
                }
                else if (sections.Count == 0)
                {
                    tagCommas++;
                }
            }
            else if (c == ' ')
            {
                sections.Add(line[start..i]);
                start = i + 1;
                inFields = sections.Count == 1;
            }
        }

        sections.Add(line[start..]);
        if (sections.Count != 3 || quoted)
        {
            throw new FormatException($"line has {sections.Count} sections (quoted={quoted}): {line}");
        }

        return new Shape(sections[0], tagCommas, fieldCommas + 1, sections[2]);
    }
}
