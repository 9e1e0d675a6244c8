using System.Text.Json;
using LiveRoom.Ingest.Security;

namespace LiveRoom.Ingest.Tests.Security;

/// <summary>The dashboard and door-sign accounts in the generated files (password file, acl_file, dynamic-security.json, credentials).</summary>
public sealed class DashboardAndSignAccountTests
{
    private static readonly RoomId Room1 = new("site1", "room1");
    private static readonly RoomId Room2 = new("site2", "room2");

    [Fact]
    public void Generate_WithoutDashboardOrSigns_OnlyEdgesAndCollectorAndNoTheirCredentials()
    {
        var files = MosquittoSecurityGenerator.Generate([Room1], "collector");

        Assert.Equal([BrokerUserKind.Edge, BrokerUserKind.Collector], files.Users.Select(u => u.Kind));
        Assert.Null(files.DashboardCredentials);
        Assert.Null(files.SignCredentials);
        Assert.DoesNotContain("sign-", files.AclFile, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_DashboardAndSigns_AclGrantsDashboardCommandsAndEachSignItsOwnRoomReadOnly()
    {
        var files = MosquittoSecurityGenerator.Generate([Room1, Room2], "collector", "dashboard", signs: true);

        var blocks = AclBlocks(files.AclFile);
        Assert.Equal(
            ["user edge-site1-room1", "user edge-site2-room2", "user collector", "user dashboard", "user sign-site1-room1", "user sign-site2-room2"],
            files.AclFile.Split('\n').Where(l => l.StartsWith("user ", StringComparison.Ordinal)));
        Assert.Equal(6, blocks.Count);
        Assert.Equal(
            [
                "topic write liveroom/v1/+/+/cmd/#",
                "topic write liveroom-sys/v1/dashboard/instances/+",
                "topic read liveroom/v1/+/+/state",
                "topic read liveroom/v1/+/+/status",
                "topic read liveroom/v1/+/+/thumbnail",
                "topic read liveroom-sys/v1/collector/heartbeat",
                "topic read liveroom-sys/v1/collector/instances/+",
                "topic read liveroom-sys/v1/collector/watchdogs/+",
            ],
            blocks["dashboard"]);
        Assert.Equal(
            [
                "topic read liveroom/v1/site1/room1/display",
                "topic read liveroom/v1/site1/room1/state",
                "topic read liveroom/v1/site1/room1/status",
            ],
            blocks["sign-site1-room1"]);
        Assert.Equal(
            [
                "topic read liveroom/v1/site2/room2/display",
                "topic read liveroom/v1/site2/room2/state",
                "topic read liveroom/v1/site2/room2/status",
            ],
            blocks["sign-site2-room2"]);
        Assert.Equal(["topic readwrite liveroom/v1/#", "topic readwrite liveroom-sys/v1/collector/#", "topic write liveroom-sys/#", "topic read liveroom-sys/v1/dashboard/instances/+"], blocks["collector"]);
    }

    [Fact]
    public void Generate_DashboardAndSigns_DynamicSecurityRolesMatchTheAcl()
    {
        var files = MosquittoSecurityGenerator.Generate([Room1, Room2], "collector", "dash", signs: true);

        using var json = JsonDocument.Parse(files.DynamicSecurityJson);
        var clients = json.RootElement.GetProperty("clients").EnumerateArray()
            .ToDictionary(c => c.GetProperty("username").GetString()!, c => c.GetProperty("roles")[0].GetProperty("rolename").GetString());
        Assert.Equal("dashboard", clients["dash"]);
        Assert.Equal("room-sign-site1-room1", clients["sign-site1-room1"]);
        Assert.Equal("room-sign-site2-room2", clients["sign-site2-room2"]);
        var roles = json.RootElement.GetProperty("roles").EnumerateArray()
            .ToDictionary(r => r.GetProperty("rolename").GetString()!, Acls);
        Assert.Equal(6, roles.Count);
        Assert.Equal(
            [
                "publishClientSend liveroom/v1/+/+/cmd/#",
                "publishClientSend liveroom-sys/v1/dashboard/instances/+",
                "publishClientReceive liveroom/v1/+/+/state",
                "subscribePattern liveroom/v1/+/+/state",
                "publishClientReceive liveroom/v1/+/+/status",
                "subscribePattern liveroom/v1/+/+/status",
                "publishClientReceive liveroom/v1/+/+/thumbnail",
                "subscribePattern liveroom/v1/+/+/thumbnail",
                "publishClientReceive liveroom-sys/v1/collector/heartbeat",
                "subscribePattern liveroom-sys/v1/collector/heartbeat",
                "publishClientReceive liveroom-sys/v1/collector/instances/+",
                "subscribePattern liveroom-sys/v1/collector/instances/+",
                "publishClientReceive liveroom-sys/v1/collector/watchdogs/+",
                "subscribePattern liveroom-sys/v1/collector/watchdogs/+",
            ],
            roles["dashboard"]);
        Assert.Equal(
            [
                "publishClientReceive liveroom/v1/site2/room2/display",
                "subscribePattern liveroom/v1/site2/room2/display",
                "publishClientReceive liveroom/v1/site2/room2/state",
                "subscribePattern liveroom/v1/site2/room2/state",
                "publishClientReceive liveroom/v1/site2/room2/status",
                "subscribePattern liveroom/v1/site2/room2/status",
            ],
            roles["room-sign-site2-room2"]);
        Assert.Equal(
            [
                "publishClientSend liveroom/v1/#",
                "publishClientSend liveroom-sys/v1/collector/#",
                "publishClientSend liveroom-sys/#",
                "publishClientReceive liveroom/v1/#",
                "subscribePattern liveroom/v1/#",
                "publishClientReceive liveroom-sys/v1/collector/#",
                "subscribePattern liveroom-sys/v1/collector/#",
                "publishClientReceive liveroom-sys/v1/dashboard/instances/+",
                "subscribePattern liveroom-sys/v1/dashboard/instances/+",
            ],
            roles["collector"]);
        Assert.Equal(
            [
                "publishClientSend liveroom/v1/site1/room1/metrics/#",
                "publishClientSend liveroom/v1/site1/room1/events",
                "publishClientSend liveroom/v1/site1/room1/checklist",
                "publishClientSend liveroom/v1/site1/room1/status",
                "publishClientSend liveroom/v1/site1/room1/state",
                "publishClientSend liveroom/v1/site1/room1/display",
                "publishClientSend liveroom/v1/site1/room1/thumbnail",
                "publishClientReceive liveroom/v1/site1/room1/cmd/#",
                "subscribePattern liveroom/v1/site1/room1/cmd/#",
                "publishClientReceive liveroom/v1/site1/room1/ack",
                "subscribePattern liveroom/v1/site1/room1/ack",
            ],
            roles["room-edge-site1-room1"]);
    }

    [Fact]
    public void Generate_DashboardAndSigns_CredentialsMatchThePasswordFile()
    {
        var files = MosquittoSecurityGenerator.Generate([Room1, Room2], "collector", "dashboard", signs: true);

        var hashes = files.PasswordFile.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0], p => p[1]);
        var dashboard = files.DashboardCredentials!.Split(' ');
        Assert.EndsWith("\n", files.DashboardCredentials, StringComparison.Ordinal);
        Assert.Equal("dashboard", dashboard[0]);
        Assert.True(MosquittoPasswordHash.Verify(dashboard[1].TrimEnd('\n'), hashes["dashboard"]));
        var signs = files.SignCredentials!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        Assert.Equal(["site1/room1 sign-site1-room1", "site2/room2 sign-site2-room2"], signs.Select(s => s[0] + " " + s[1]));
        Assert.All(signs, s => Assert.True(MosquittoPasswordHash.Verify(s[2], hashes[s[1]])));
        Assert.Equal(2, files.RoomCredentials.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(6, files.Users.Select(u => u.Password).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("collector", "collector", false, "dashboard user 'collector' is already used by the collector")]
    [InlineData("collector", "edge-site1-room1", false, "dashboard user 'edge-site1-room1' is already used by site1/room1")]
    [InlineData("collector", "sign-site1-room1", true, "dashboard user 'sign-site1-room1' is already used by the sign of site1/room1")]
    [InlineData("sign-site2-room2", "dashboard", true, "room 'site2/room2' gives sign user name 'sign-site2-room2', which is already used by the collector")]
    public void Generate_NameClash_RefusedNamingBoth(string collectorUser, string dashboardUser, bool signs, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            MosquittoSecurityGenerator.Generate([Room1, Room2], collectorUser, dashboardUser, signs));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_SignNameWithoutSigns_IsAnOrdinaryDashboardName()
    {
        var files = MosquittoSecurityGenerator.Generate([Room1], "collector", "sign-site1-room1", signs: false);

        Assert.Equal(BrokerUserKind.Dashboard, files.Users.Single(u => u.UserName == "sign-site1-room1").Kind);
    }

    [Theory]
    [InlineData("bad user", "'bad user' contains ' '")]
    [InlineData("", "identifier is empty")]
    [InlineData("dash/board", "'dash/board' contains '/'")]
    [InlineData("dash+", "'dash+' contains '+'")]
    [InlineData("#", "'#' must start with a letter or digit")]
    public void Generate_BadDashboardUser_RefusedNamingIt(string dashboardUser, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => MosquittoSecurityGenerator.Generate([Room1], "collector", dashboardUser));

        Assert.StartsWith("dashboard user: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>acl_file rules by user, in file order.</summary>
    private static Dictionary<string, List<string>> AclBlocks(string acl)
    {
        var blocks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in acl.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith("user ", StringComparison.Ordinal))
            {
                current = [];
                blocks.Add(line["user ".Length..], current);
            }
            else
            {
                Assert.NotNull(current);
                current.Add(line);
            }
        }

        return blocks;
    }

    private static List<string> Acls(JsonElement role) =>
        [.. role.GetProperty("acls").EnumerateArray().Select(a => a.GetProperty("acltype").GetString() + " " + a.GetProperty("topic").GetString())];
}
