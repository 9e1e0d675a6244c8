using System.Text.Json;

namespace LiveRoom.Dashboard.Tests.Grafana;

/// <summary>Issue 8 item 6: deploy/grafana/liveroom-rooms.json imports into Grafana and reads LiveRoom's measurements downsampled.</summary>
public sealed class GrafanaDashboardTests
{
    [Fact]
    public void RoomsDashboard_EveryPanel_QueriesLiveRoomDownsampledPerRoom()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LiveRoom.sln")))
        {
            dir = dir.Parent;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir!.FullName, "deploy", "grafana", "liveroom-rooms.json")));
        var root = doc.RootElement;
        Assert.Equal("liveroom-rooms", root.GetProperty("uid").GetString());
        var panels = root.GetProperty("panels").EnumerateArray().ToList();
        Assert.True(panels.Count >= 4);
        foreach (var query in panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("query").GetString()!))
        {
            Assert.Contains("FROM \"liveroom\".", query, StringComparison.Ordinal);
            Assert.Contains("$timeFilter", query, StringComparison.Ordinal);
            Assert.Contains("GROUP BY time($__interval)", query, StringComparison.Ordinal);
            Assert.Contains("/^$room$/", query, StringComparison.Ordinal);
        }
    }
}
