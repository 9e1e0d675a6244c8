using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.Dashboard.Tests.Users;

/// <summary>`liveroom-dashboard users create-admin`: the first admin, with a one-time password and no default one.</summary>
public sealed class UsersCommandTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "liveroom-dashboard.dll");

    [Fact]
    public async Task CreateAdmin_NewName_PrintsOneTimePasswordOnceThenRefusesSameName()
    {
        using var dir = new TempDirectory("dashboard-cli");
        var store = $"--Dashboard:Store:Path={Path.Combine(dir.Path, "dashboard.db")}";

        var first = await ProcessRunner.RunAsync("dotnet", [Dll, "users", "create-admin", "--name", "chief", store], TimeSpan.FromSeconds(60), CancellationToken.None);
        var second = await ProcessRunner.RunAsync("dotnet", [Dll, "users", "create-admin", "--name", "chief", store], TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"one-time password \(shown once; change it at first sign-in\): [A-Za-z0-9]{20}\n", first.Stdout);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("exists", second.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("users create-admin --name")]
    [InlineData("users create-admin --name bad/name")]
    public async Task CreateAdmin_BadArguments_Exit2WithUsage(string arguments)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Dll, .. arguments.Split(' ')], TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: liveroom-dashboard users create-admin --name NAME", result.Stderr, StringComparison.Ordinal);
    }
}
