using LiveRoom.Ingest.Security;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Security;

public sealed class SecurityCommandTests
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task RunAsync_Generate_WritesFilesWithSecretsOwnerOnly()
    {
        using var dir = new TempDirectory("security");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await SecurityCommand.RunAsync(
            ["generate", "--rooms", "site1/room1,site1/room2", "--collector-user", "collector", "--out", dir.Path], output, error, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error.ToString());
        foreach (var secret in new[] { "passwords", "dynamic-security.json", "rooms.credentials", "collector.credentials" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dir.Combine(secret)));
        }

        var credentials = await File.ReadAllLinesAsync(dir.Combine("rooms.credentials"));
        Assert.Equal(["site1/room1 edge-site1-room1", "site1/room2 edge-site1-room2"], credentials.Select(l => string.Join(' ', l.Split(' ')[..2])));
        Assert.All(credentials, l => Assert.Equal(32, l.Split(' ')[2].Length));
        Assert.StartsWith("collector ", await File.ReadAllTextAsync(dir.Combine("collector.credentials")), StringComparison.Ordinal);
        Assert.Contains("password_file", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task RunAsync_DashboardUserAndSigns_WritesTheirCredentialsOwnerOnly()
    {
        using var dir = new TempDirectory("security");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await SecurityCommand.RunAsync(
            ["generate", "--rooms", "site1/room1,site1/room2", "--collector-user", "collector", "--dashboard-user", "dashboard", "--signs", "--out", dir.Path],
            output, error, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error.ToString());
        foreach (var secret in new[] { "dashboard.credentials", "signs.credentials" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dir.Combine(secret)));
        }

        var dashboard = (await File.ReadAllTextAsync(dir.Combine("dashboard.credentials"))).Split(' ');
        Assert.Equal("dashboard", dashboard[0]);
        Assert.Equal(33, dashboard[1].Length); // 32 characters and '\n'
        var signs = await File.ReadAllLinesAsync(dir.Combine("signs.credentials"));
        Assert.Equal(["site1/room1 sign-site1-room1", "site1/room2 sign-site1-room2"], signs.Select(l => string.Join(' ', l.Split(' ')[..2])));
        Assert.All(signs, l => Assert.Equal(32, l.Split(' ')[2].Length));
        var users = (await File.ReadAllLinesAsync(dir.Combine("passwords"))).Select(l => l.Split(':')[0]);
        Assert.Equal(["edge-site1-room1", "edge-site1-room2", "collector", "dashboard", "sign-site1-room1", "sign-site1-room2"], users);
        Assert.Contains("dashboard user 'dashboard', 2 sign user(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("signs.credentials", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WithoutDashboardUserOrSigns_WritesNeitherCredentialsFile()
    {
        using var dir = new TempDirectory("security");
        var output = new StringWriter();

        var code = await SecurityCommand.RunAsync(
            ["generate", "--rooms", "site1/room1", "--collector-user", "collector", "--out", dir.Path], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.False(File.Exists(dir.Combine("dashboard.credentials")));
        Assert.False(File.Exists(dir.Combine("signs.credentials")));
        Assert.DoesNotContain("dashboard", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadRoomId_ExitCode2AndErrorNamesTheRoom()
    {
        using var dir = new TempDirectory("security");
        var error = new StringWriter();

        var code = await SecurityCommand.RunAsync(
            ["generate", "--rooms", "site1/room1,site1/bad room", "--collector-user", "collector", "--out", dir.Path], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("site1/bad room", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task RunAsync_FilesExistWithoutForce_RefusesAndKeepsThem()
    {
        using var dir = new TempDirectory("security");
        string[] args = ["generate", "--rooms", "s/r", "--collector-user", "collector", "--out", dir.Path];
        Assert.Equal(0, await SecurityCommand.RunAsync(args, TextWriter.Null, TextWriter.Null, CancellationToken.None));
        var before = await File.ReadAllTextAsync(dir.Combine("passwords"));
        var error = new StringWriter();

        var code = await SecurityCommand.RunAsync(args, TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("--force", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(dir.Combine("passwords")));
        Assert.Equal(0, await SecurityCommand.RunAsync([.. args, "--force"], TextWriter.Null, TextWriter.Null, CancellationToken.None));
        Assert.NotEqual(before, await File.ReadAllTextAsync(dir.Combine("passwords")));
    }

    [Fact]
    public async Task RunAsync_ForceWithoutDashboardAndSigns_RemovesTheirDeadCredentialsAndSaysSo()
    {
        using var dir = new TempDirectory("security");
        string[] args = ["generate", "--rooms", "s/r", "--collector-user", "collector", "--out", dir.Path];
        Assert.Equal(0, await SecurityCommand.RunAsync([.. args, "--dashboard-user", "dashboard", "--signs"], TextWriter.Null, TextWriter.Null, CancellationToken.None));
        Assert.True(File.Exists(dir.Combine("dashboard.credentials")) && File.Exists(dir.Combine("signs.credentials")));
        var output = new StringWriter();

        Assert.Equal(0, await SecurityCommand.RunAsync([.. args, "--force"], output, TextWriter.Null, CancellationToken.None));

        // The new password file has no dashboard or sign account: their old passwords would only be refused.
        Assert.False(File.Exists(dir.Combine("dashboard.credentials")));
        Assert.False(File.Exists(dir.Combine("signs.credentials")));
        Assert.DoesNotContain("dashboard", await File.ReadAllTextAsync(dir.Combine("passwords")), StringComparison.Ordinal);
        Assert.Contains($"removed {dir.Combine("dashboard.credentials")}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"removed {dir.Combine("signs.credentials")}", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "generate", "--rooms", "s/r", "--out", "x" }, "--collector-user")]
    [InlineData(new[] { "generate", "--collector-user", "c", "--out", "x" }, "no rooms")]
    [InlineData(new[] { "rotate" }, "rotate")]
    [InlineData(new[] { "generate", "--rooms" }, "--rooms needs a value")]
    [InlineData(new[] { "generate", "--rooms", "s/r", "--collector-user", "bad user", "--out", "x" }, "bad user")]
    [InlineData(new[] { "generate", "--rooms", "s/r", "--collector-user", "c", "--dashboard-user", "--out", "x" }, "--dashboard-user needs a value")]
    [InlineData(new[] { "generate", "--rooms", "s/r", "--collector-user", "c", "--dashboard-user", "bad dash", "--out", "x" }, "dashboard user: identifier 'bad dash'")]
    [InlineData(new[] { "generate", "--rooms", "s/r", "--collector-user", "c", "--dashboard-user", "c", "--out", "x" }, "error: dashboard user 'c' is already used by the collector")]
    [InlineData(new[] { "generate", "--rooms", "s/r", "--collector-user", "sign-s-r", "--signs", "--out", "x" }, "sign user name 'sign-s-r', which is already used by the collector")]
    [InlineData(new[] { "generate", "--rooms", "s/r", "--collector-user", "c", "--sign", "--out", "x" }, "unknown option '--sign'")]
    public async Task RunAsync_BadArguments_ExitCode2WithReason(string[] args, string expected)
    {
        var error = new StringWriter();

        var code = await SecurityCommand.RunAsync(args, TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }
}
