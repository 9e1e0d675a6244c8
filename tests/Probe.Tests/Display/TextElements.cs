using System.Globalization;

namespace LiveRoom.Probe.Tests.Display;

internal static class TextElements
{
    public static List<string> Of(string text)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            list.Add(e.GetTextElement());
        }

        return list;
    }

    /// <summary>Whether <paramref name="prefix"/> is the first whole user-perceived characters of <paramref name="whole"/>.</summary>
    public static bool IsPrefix(string prefix, string whole)
    {
        var p = Of(prefix);
        var w = Of(whole);
        return p.Count <= w.Count && p.SequenceEqual(w.Take(p.Count), StringComparer.Ordinal);
    }
}
