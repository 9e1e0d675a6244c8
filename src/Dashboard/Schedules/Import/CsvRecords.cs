using System.Text;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>RFC 4180 records: comma-separated, double-quoted fields may hold commas, quotes ("") and line breaks.</summary>
internal static class CsvRecords
{
    /// <summary>Each record with the file line it starts on; blank lines are left out.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var wasQuoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case '"':
                    throw new ImportRefusal(recordLine, new("a quote inside an unquoted field (RFC 4180: quote the whole field and double the quote)", "未加引号的字段中有引号（RFC 4180：给整个字段加引号，字段内的引号写两次）"));
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    if (fields.Count > 1 || fields[0].Length > 0 || wasQuoted)
                    {
                        yield return (recordLine, fields);
                    }

                    fields = [];
                    field.Clear();
                    wasQuoted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw new ImportRefusal(recordLine, new("text after a closing quote (RFC 4180: the quoted field must end at a comma or the line's end)", "结束引号后还有文字（RFC 4180：加引号的字段必须在逗号或行尾结束）"));
                    }

                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new ImportRefusal(recordLine, new("a quoted field is never closed", "加引号的字段没有结束引号"));
        }

        fields.Add(field.ToString());
        if (fields.Count > 1 || fields[0].Length > 0 || wasQuoted)
        {
            yield return (recordLine, fields);
        }
    }
}
