using LiveRoom.Ingest.Options;

namespace LiveRoom.Ingest.Tests.Options;

public sealed class IngestOptionsValidatorTests
{
    [Fact]
    public void Check_Defaults_AreValid() => Assert.Empty(IngestOptionsValidator.Check(new IngestOptions()));

    [Theory]
    [InlineData(59)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Check_RetentionBelow60Days_IsRefusedCitingTheRequirement(int days)
    {
        var failure = Assert.Single(IngestOptionsValidator.Check(new IngestOptions { Influx = new InfluxOptions { RetentionDays = days } }));

        Assert.StartsWith($"Ingest:Influx:RetentionDays is {days}; it must be 60–36500 days", failure, StringComparison.Ordinal);
        Assert.Contains("6.2.3 and 7.4.5", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Retention60Days_IsAccepted() =>
        Assert.Empty(IngestOptionsValidator.Check(new IngestOptions { Influx = new InfluxOptions { RetentionDays = 60 } }));

    [Fact]
    public void Check_BadValues_NameKeyAndRange()
    {
        var failures = IngestOptionsValidator.Check(new IngestOptions
        {
            Mqtt = new IngestMqttOptions { Port = 0, ClientId = " " },
            Influx = new InfluxOptions { Url = "ftp://x", BatchSize = 0, FlushInterval = TimeSpan.Zero },
        });

        Assert.Contains("Ingest:Mqtt:Port is 0; it must be 1–65535", failures);
        Assert.Contains("Ingest:Influx:BatchSize is 0; it must be 1–1000000", failures);
        Assert.Contains(failures, f => f.StartsWith("Ingest:Influx:Url 'ftp://x'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingest:Mqtt:ClientId must not be empty", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingest:Influx:FlushInterval is 00:00:00; it must be", StringComparison.Ordinal));
    }
}
