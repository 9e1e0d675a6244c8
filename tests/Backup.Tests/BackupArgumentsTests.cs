namespace LiveRoom.Backup.Tests;

/// <summary>The arguments both <c>backup</c> commands share; each command's tests check one refusal reaches its usage line.</summary>
public sealed class BackupArgumentsTests
{
    [Theory]
    [InlineData("backup", "give --to DIR or --under DIR")]
    [InlineData("backup --to a --under b", "give --to or --under, not both")]
    [InlineData("backup --to a --keep 3", "--keep goes with --under")]
    [InlineData("backup --under a --keep 0", "--keep '0' must be a whole number 1 to 1000")]
    [InlineData("backup --under a --keep 1,5", "--keep '1,5' must be a whole number 1 to 1000")]
    [InlineData("backup --to a --froce", "unknown argument '--froce'")]
    public void Parse_BadArguments_NamesTheProblem(string arguments, string problem)
    {
        Assert.Null(BackupArguments.Parse(arguments.Split(' '), out var found));
        Assert.Equal(problem, found);
    }

    [Fact]
    public void Parse_Under_KeepsTheConfigurationArguments()
    {
        var parsed = BackupArguments.Parse(["backup", "--under", "/b", "--keep", "14", "--Ingest:StateDirectory=/s"], out var problem);

        Assert.Null(problem);
        Assert.Equal(new BackupArguments(null, "/b", 14, parsed!.Configuration), parsed);
        Assert.Equal(["--Ingest:StateDirectory=/s"], parsed.Configuration);
    }
}
