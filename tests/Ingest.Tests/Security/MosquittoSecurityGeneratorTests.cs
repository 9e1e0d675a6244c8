using System.Diagnostics;
using LiveRoom.Ingest.Security;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Security;

public sealed class MosquittoSecurityGeneratorTests
{
    private static readonly RoomId Room1 = new("site1", "room1");
    private static readonly RoomId Room2 = new("site1", "room2");

    [Fact]
    public void Generate_TwoRooms_PasswordFileHasOneVerifiableEntryPerUser()
    {
        var files = MosquittoSecurityGenerator.Generate([Room1, Room2], "collector");

        var lines = files.PasswordFile.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["edge-site1-room1", "edge-site1-room2", "collector"], lines.Select(l => l.Split(':')[0]));
        foreach (var user in files.Users)
        {
            var entry = Assert.Single(lines, l => l.StartsWith(user.UserName + ":", StringComparison.Ordinal))[(user.UserName.Length + 1)..];
            Assert.StartsWith("$7$101$", entry, StringComparison.Ordinal);
            Assert.True(MosquittoPasswordHash.Verify(user.Password, entry));
            Assert.False(MosquittoPasswordHash.Verify(user.Password + "x", entry));
        }

        Assert.Equal(3, files.Users.Select(u => u.Password).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Verify_HashWrittenByMosquittoPasswd_AcceptsItsPassword()
    {
        using var dir = new TempDirectory("passwd");
        var file = dir.Combine("passwd");
        var start = new ProcessStartInfo("mosquitto_passwd") { RedirectStandardError = true };
        foreach (var arg in new[] { "-b", "-c", file, "someone", "pässword 1" })
        {
            start.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(start)!)
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
        }

        var entry = (await File.ReadAllTextAsync(file)).Trim().Split(':', 2)[1];
        Assert.True(MosquittoPasswordHash.Verify("pässword 1", entry));
        Assert.False(MosquittoPasswordHash.Verify("pässword 2", entry));
    }

    [Fact]
    public void Generate_Room_AclGrantsOnlyItsOwnChannelsAndCommands()
    {
        var files = MosquittoSecurityGenerator.Generate([Room1], "collector");

        var acl = files.AclFile.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal(
            [
                "user edge-site1-room1",
                "topic write liveroom/v1/site1/room1/metrics/#",
                "topic write liveroom/v1/site1/room1/events",
                "topic write liveroom/v1/site1/room1/checklist",
                "topic write liveroom/v1/site1/room1/status",
                "topic write liveroom/v1/site1/room1/state",
                "topic write liveroom/v1/site1/room1/display",
                "topic write liveroom/v1/site1/room1/thumbnail",
                "topic read liveroom/v1/site1/room1/cmd/#",
                "topic read liveroom/v1/site1/room1/ack",
                "user collector",
                "topic readwrite liveroom/v1/#",
                "topic readwrite liveroom-sys/v1/collector/#",
                "topic write liveroom-sys/#",
                "topic read liveroom-sys/v1/dashboard/instances/+",
            ],
            acl);
    }

    [Fact]
    public void Generate_RoomsThatMapToTheSameUserName_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            MosquittoSecurityGenerator.Generate([new RoomId("a-b", "c"), new RoomId("a", "b-c")], "collector"));

        Assert.Contains("a/b-c", error.Message, StringComparison.Ordinal);
        Assert.Contains("edge-a-b-c", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site1/ro om", "ro om")]
    [InlineData("site1", "site/room")]
    [InlineData("si+te/room", "si+te")]
    [InlineData("site/room/x", "site/room")]
    public void RoomId_TryParse_BadId_ReasonNamesIt(string text, string named)
    {
        Assert.False(RoomId.TryParse(text, out _, out var reason));
        Assert.Contains(named, reason, StringComparison.Ordinal);
    }
}
