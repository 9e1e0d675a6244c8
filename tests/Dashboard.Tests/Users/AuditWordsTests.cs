using System.Text.Json;
using LiveRoom.Dashboard.Alerting;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Users;

/// <summary>
/// The accounts page names the audit log's actions and outcomes (wwwroot/audit-words.js) instead of showing their ids:
/// every action the dashboard writes has a name in both languages; an id the page does not know is shown as written.
/// </summary>
public sealed class AuditWordsTests
{
    private static readonly string Module = DashboardScript.ModuleUrl("audit-words.js");

    // Every outcome AuditLog.Write is given (the callers pass them as literals).
    private static readonly string[] Outcomes = ["ok", "failed", "denied", "locked"];

    // Every id's and outcome's English and Chinese name, from one run of node for the whole theory.
    private static readonly Lazy<Task<Dictionary<string, string[]>>> AllNames = new(() => DashboardScript.RunJsonAsync<Dictionary<string, string[]>>($$"""
        import { auditAction, auditOutcome } from "{{Module}}";
        const actions = {{JsonSerializer.Serialize(AllActions())}};
        const outcomes = {{JsonSerializer.Serialize(Outcomes)}};
        process.stdout.write(JSON.stringify(Object.fromEntries([
          ...actions.map((id) => [id, [auditAction(id, "en"), auditAction(id, "zh")]]),
          ...outcomes.map((o) => ["outcome:" + o, [auditOutcome(o, "en"), auditOutcome(o, "zh")]])])));
        """));

    public static TheoryData<string> ActionIds() => new(AllActions());

    private static List<string> AllActions() => StringConstants.Of(typeof(AuditActions), typeof(ScheduleAuditActions), typeof(AlertingAuditActions));

    [Fact]
    public void ActionIds_FoundInTheDashboard()
    {
        // The theory below must not pass by finding nothing.
        Assert.True(ActionIds().Count >= 34, $"found {ActionIds().Count} audit actions");
    }

    [Theory]
    [MemberData(nameof(ActionIds))]
    public async Task EveryAuditAction_HasANameInEnglishAndChinese(string id)
    {
        var names = (await AllNames.Value)[id];

        Assert.NotEqual(id, names[0]);
        Assert.Matches("^[A-Z][a-z]", names[0]);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", names[1]);
    }

    [Fact]
    public async Task EveryOutcome_HasANameInEnglishAndChinese()
    {
        var names = await AllNames.Value;

        Assert.All(Outcomes, o => Assert.Matches("\\p{IsCJKUnifiedIdeographs}", names["outcome:" + o][1]));
        Assert.Equal(["done", "failed", "denied", "locked"], Outcomes.Select(o => names["outcome:" + o][0]));
    }

    [Theory]
    [InlineData("user.create", "zh", "创建账号")]
    [InlineData("show.import", "en", "Schedule imported")]
    [InlineData("report.archive", "zh", "report.archive")]
    [InlineData("<b>x</b>", "en", "<b>x</b>")]
    public async Task AnAction_ReadsAsItsName_AnUnknownOneAsWritten(string id, string lang, string expected)
    {
        var text = await DashboardScript.RunJsonAsync<string>($$"""
            import { auditAction } from "{{Module}}";
            process.stdout.write(JSON.stringify(auditAction({{JsonSerializer.Serialize(id)}}, {{JsonSerializer.Serialize(lang)}})));
            """);

        Assert.Equal(expected, text);
    }

}
