using LiveRoom.Probe.Hosting;

namespace LiveRoom.Probe.Tests.Hosting;

public sealed class ProbeOptionsValidatorTests
{
    private static ProbeOptions Valid() => new() { Site = "site-1", Room = "room_2.a", SourceUrl = "srt://0.0.0.0:9000?mode=listener" };

    private static IEnumerable<string> Failures(ProbeOptions options) =>
        new ProbeOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Validate_Defaults_WithSiteRoomSource_Succeeds() =>
        Assert.True(new ProbeOptionsValidator().Validate(null, Valid()).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData("room 1")]
    [InlineData("room/1")]
    [InlineData("room+")]
    [InlineData("-room")]
    public void Validate_BadRoom_NamesProbeRoom(string room)
    {
        var options = Valid();
        options.Room = room;

        Assert.Contains(Failures(options), f => f.StartsWith("Probe:Room:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ResendAfterOutOfRange_NamesKeyAndRange()
    {
        var options = Valid();
        options.Outbox.ResendAfter = TimeSpan.Zero;

        var failure = Assert.Single(Failures(options));

        Assert.StartsWith("Probe:Outbox:ResendAfter", failure, StringComparison.Ordinal);
        Assert.Contains("allowed 00:00:00.1000000 to 1.00:00:00", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingCaFileAndSource_ReportsBoth()
    {
        var options = Valid();
        options.SourceUrl = " ";
        options.Mqtt.CaFile = "/nonexistent/ca.pem";

        var failures = Failures(options).ToList();

        Assert.Contains(failures, f => f.StartsWith("Probe:SourceUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Probe:Mqtt:CaFile", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SyncIntervalAboveOneSecond_IsRefusedCitingTheRisk()
    {
        var options = Valid();
        options.Outbox.SyncInterval = TimeSpan.FromSeconds(5);

        var failure = Assert.Single(Failures(options));

        Assert.StartsWith("Probe:Outbox:SyncInterval is 00:00:05", failure, StringComparison.Ordinal);
        Assert.Contains("at most 1 s of points at risk", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientId_IsEdgeSiteRoom() => Assert.Equal("edge-site-1-room_2.a", Valid().ClientId);

    [Fact]
    public void ApplyDefaults_NoOutboxDirectory_UsesOnePerRoom()
    {
        var options = Valid();

        options.ApplyDefaults();

        Assert.EndsWith(Path.Combine("outbox", "site-1-room_2.a"), options.Outbox.Directory, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProfileAndThresholdsOutOfRange_NameEachKeyWithItsRange()
    {
        var options = Valid();
        options.Profile.Height = 0;
        options.Profile.MinBitrate = 8_000_000;
        options.Profile.MaxBitrate = 6_000_000;
        options.Thresholds.SilenceAfter = TimeSpan.Zero;

        var failures = Failures(options).ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Probe:Profile:Height is 0; allowed 16 to 4320, default 1080", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Probe:Profile:MaxBitrate is 6000000; allowed 8000000", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Probe:Thresholds:SilenceAfter", StringComparison.Ordinal));
    }
}
