using System.Text.Json;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Reports;

/// <summary>
/// A run's outcome item by item (wwwroot/checklist-words.js <c>latestItems</c>), as the show report and the room page
/// show it: the newest point of each item, in the order the run first measured them. A run the edge measured again after
/// a restart listed every item twice or more (80 rows for 13 items in the demo).
/// </summary>
public sealed class ChecklistOutcomeTests
{
    [Fact]
    public async Task RunMeasuredAgainAfterARestart_OutcomeIsEachItemsNewestPointInFirstSeenOrder()
    {
        object[] points =
        [
            new { item = "audio", status = "pass", time = 1 },
            new { item = "uplink", status = "pending", time = 2 },
            new { item = "mic", status = "open", time = 3 },
            new { item = "uplink", status = "pass", time = 4 },
            // The edge restarted: it measures again, first "pending" with no stream yet, then for real.
            new { item = "audio", status = "pending", time = 10 },
            new { item = "audio", status = "fail", time = 11 },
            new { item = "mic", status = "confirmed", time = 12 },
        ];

        var json = await DashboardScript.RunAsync($$"""
            import { latestItems } from "{{DashboardScript.ModuleUrl("checklist-words.js")}}";
            process.stdout.write(JSON.stringify(latestItems({{JsonSerializer.Serialize(points)}}).map((i) => i.item + ":" + i.status + "@" + i.time)));
            """);

        Assert.Equal(["audio:fail@11", "uplink:pass@4", "mic:confirmed@12"], JsonSerializer.Deserialize<string[]>(json)!);
    }
}
