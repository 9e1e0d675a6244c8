using System.Text.RegularExpressions;
using LiveRoom.Ingest.Alerts.Heartbeat;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Rules;

/// <summary>A channel in Chinese names every shipped alert the way the dashboard's pages do.</summary>
public sealed partial class ChineseTitlesTests
{
    private static IEnumerable<string> Shipped() =>
        DefaultRules.All.Select(r => r.Title).Concat(Enum.GetValues<WatchdogFault>().Select(f => WatchdogFaults.Describe(f).Title)).Distinct();

    [Fact]
    public void EveryShippedRuleAndWatchdogTitle_HasChinese()
    {
        var shipped = Shipped().ToList();
        Assert.True(shipped.Count >= 25, $"found {shipped.Count} titles");
        Assert.DoesNotContain(shipped, t => ChineseTitles.Of(t) is null);
        Assert.Null(ChineseTitles.Of("Encoder on the desk PC"));
    }

    [Fact]
    public void ChineseTitles_AreTheDashboardsWhereItShowsThem()
    {
        // The dashboard's open alerts and rules table translate the shipped rules' titles (wwwroot/api.js).
        var api = File.ReadAllText(Path.Combine(RepositoryPaths.Src, "Dashboard", "wwwroot", "api.js"));
        var zh = Entry().Matches(api).DistinctBy(m => m.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

        var compared = 0;
        foreach (var title in ChineseTitles.English.Where(zh.ContainsKey))
        {
            Assert.Equal(zh[title], ChineseTitles.Of(title));
            compared++;
        }

        Assert.True(compared >= DefaultRules.All.Count, $"compared only {compared} titles with api.js");
    }

    [GeneratedRegex("\"([^\"\\\\]+)\": \"([^\"\\\\]+)\"")]
    private static partial Regex Entry();
}
