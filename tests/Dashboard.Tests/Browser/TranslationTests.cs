using System.Text.RegularExpressions;
using LiveRoom.Dashboard.Series;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Browser;

/// <summary>
/// The pages' language switch (中文 / EN) covers every text the pages pass through it: each <c>data-t</c> key and
/// each <c>t("…")</c> / <c>tf("…")</c> literal of wwwroot has an entry in api.js's Chinese table.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string WebRoot = Path.Combine(RepositoryPaths.Src, "Dashboard", "wwwroot");

    [Fact]
    public void EveryTextThePagesTranslate_HasAChineseEntry()
    {
        var keys = ZhKeys();

        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(WebRoot).Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            used.UnionWith(Literal().Matches(text).Select(m => Unescape(m.Groups[1].Value)));
            used.UnionWith(DataT().Matches(text).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));
        }

        Assert.True(used.Count > 100, $"found only {used.Count} translated texts: the patterns no longer match the pages");
        var missing = used.Where(u => !keys.Contains(u)).ToList();
        Assert.True(missing.Count == 0, "no Chinese entry in api.js for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void EveryPanelTitleAndLineName_HasAChineseEntry()
    {
        // The room page's chart titles and legend names come from the server (PanelCatalog) and go through t().
        var keys = ZhKeys();
        var texts = PanelCatalog.All.SelectMany(p => p.Fields.Select(f => f.Label).Prepend(p.Title)).Append("raw").Append("rollup").Distinct().ToList();

        var missing = texts.Where(x => !keys.Contains(x)).ToList();
        Assert.True(missing.Count == 0, "no Chinese entry in api.js for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void EveryBuiltInAlertRuleTitle_HasAChineseEntry()
    {
        // The collector's rules reach the pages as data (open alerts, the rules table, a show's incidents) through t().
        var rules = File.ReadAllText(Path.Combine(RepositoryPaths.Src, "Ingest", "Alerts", "Rules", "DefaultRules.cs"));
        var titles = RuleTitle().Matches(rules).Select(m => Unescape(m.Groups[1].Value)).ToList();
        Assert.True(titles.Count >= 15, $"found only {titles.Count} rule titles in DefaultRules.cs: the pattern no longer matches");

        var keys = ZhKeys();
        var missing = titles.Where(x => !keys.Contains(x)).ToList();
        Assert.True(missing.Count == 0, "no Chinese entry in api.js for the built-in rules: " + string.Join(" | ", missing));
    }

    [GeneratedRegex("Title = \"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex RuleTitle();

    private static HashSet<string> ZhKeys()
    {
        var api = File.ReadAllText(Path.Combine(WebRoot, "api.js"));
        var start = api.IndexOf("const zh = {", StringComparison.Ordinal);
        var table = api[start..api.IndexOf("\n};", start, StringComparison.Ordinal)];
        return ZhKey().Matches(table).Select(m => Unescape(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
    }

    private static string Unescape(string js) => js.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:")]
    private static partial Regex ZhKey();

    [GeneratedRegex("\\bt[f]?\\(\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("data-t=\"([^\"]*)\"")]
    private static partial Regex DataT();
}
