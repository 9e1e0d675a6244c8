using LiveRoom.Contracts.Text;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>One unfolded iCalendar content line (RFC 5545 3.1): NAME;PARAM=VALUE:value, with the file line it starts on.</summary>
internal sealed record IcsContentLine(int Line, string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
{
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var v) ? v : null;

    /// <summary>
    /// Unfolds (a line starting with a space or tab continues the previous one) and splits every content line.
    /// Parameter values may be quoted and then hold ':', ';' and ','.
    /// </summary>
    public static List<IcsContentLine> ReadAll(string text)
    {
        var lines = new List<IcsContentLine>();
        var physical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var current = new System.Text.StringBuilder();
        var start = 0;
        for (var i = 0; i < physical.Length; i++)
        {
            var line = physical[i];
            if (line.Length > 0 && line[0] is ' ' or '\t' && current.Length > 0)
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(Parse(start, current.ToString()));
            }

            current.Clear().Append(line.TrimStart('\uFEFF'));
            start = i + 1;
        }

        if (current.Length > 0)
        {
            lines.Add(Parse(start, current.ToString()));
        }

        return lines;
    }

    private static IcsContentLine Parse(int lineNumber, string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is not (';' or ':'))
        {
            i++;
        }

        if (i == 0 || i == line.Length)
        {
            throw new ImportRefusal(lineNumber, new($"'{Cut(line)}' is not an iCalendar content line (NAME:value)", $"“{Cut(line)}”不是 iCalendar 内容行（NAME:value）"));
        }

        var name = line[..i].ToUpperInvariant();
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (line[i] == ';')
        {
            var eq = line.IndexOf('=', i + 1);
            if (eq < 0)
            {
                throw new ImportRefusal(lineNumber, new($"parameter without '=' in '{Cut(line)}'", $"“{Cut(line)}”中的参数缺少“=”"));
            }

            var pname = line[(i + 1)..eq];
            var value = new System.Text.StringBuilder();
            i = eq + 1;
            var quoted = false;
            while (i < line.Length && (quoted || line[i] is not (';' or ':')))
            {
                if (line[i] == '"')
                {
                    quoted = !quoted;
                }
                else
                {
                    value.Append(line[i]);
                }

                i++;
            }

            if (i == line.Length)
            {
                throw new ImportRefusal(lineNumber, new($"no ':' before the value in '{Cut(line)}'", $"“{Cut(line)}”的值前面没有“:”"));
            }

            parameters[pname] = value.ToString();
        }

        return new IcsContentLine(lineNumber, name, parameters, line[(i + 1)..]);
    }

    /// <summary>TEXT value unescaping (RFC 5545 3.3.11).</summary>
    public static string Unescape(string value)
    {
        var sb = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                sb.Append(value[i] is 'n' or 'N' ? '\n' : value[i]);
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }

    private static string Cut(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
