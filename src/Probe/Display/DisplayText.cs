using System.Globalization;
using System.Text;

namespace LiveRoom.Probe.Display;

/// <summary>Cleans free text for a sign: no control characters, no lone surrogates, no bidi overrides, one line.</summary>
internal static class DisplayText
{
    /// <summary>
    /// White space of any kind (tabs, line breaks, line/paragraph separators, ideographic space) becomes one space
    /// (runs collapse); other control characters (C0, C1), bidi embeddings/overrides/isolates and unpaired
    /// surrogates are dropped; the result is trimmed. ZWJ and variation
    /// selectors stay: emoji sequences need them.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, 4096));
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    Append(builder, ref space, c, text[++i]);
                }

                continue;
            }

            if (char.IsLowSurrogate(c) || IsBidiControl(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            Append(builder, ref space, c, null);
        }

        return builder.ToString();
    }

    /// <summary>At most <paramref name="max"/> text elements (user-perceived characters) of <paramref name="text"/>, and whether any were left off.</summary>
    public static (List<string> Elements, bool Cut) Elements(string text, int max)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            if (elements.Count == max)
            {
                return (elements, true);
            }

            elements.Add(e.GetTextElement());
        }

        return (elements, false);
    }

    private static void Append(StringBuilder builder, ref bool space, char c, char? low)
    {
        if (space)
        {
            builder.Append(' ');
            space = false;
        }

        builder.Append(c);
        if (low is { } l)
        {
            builder.Append(l);
        }
    }

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
