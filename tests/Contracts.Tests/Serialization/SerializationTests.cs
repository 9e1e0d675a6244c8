using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;

namespace LiveRoom.Contracts.Tests.Serialization;

public sealed class SerializationTests
{
    [Fact]
    public void MetricBatch_RoundTrip_KeepsEveryValue()
    {
        var batch = new MetricBatch
        {
            V = SchemaVersion.Current,
            Site = "s1",
            Room = "r1",
            Edge = "e1",
            Floor = 7,
            Points =
            [
                new MetricPoint
                {
                    Seq = 7,
                    Ts = 1_790_000_000_123,
                    Kind = MetricKind.Stream,
                    Fields = new Dictionary<string, FieldValue> { ["fps"] = 29.97, ["up"] = true, ["video_codec"] = "h264", ["tiny"] = 1e-300 },
                    Tags = new Dictionary<string, string> { ["source"] = "srt" },
                },
            ],
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(batch, ContractsJsonContext.Default.MetricBatch);
        var back = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.MetricBatch)!;
        Assert.Equal(7, back.Floor);
        Assert.Equal(batch.Points[0].Fields, back.Points[0].Fields);
        Assert.Equal("srt", back.Points[0].Tags!["source"]);
        Assert.Equal(1_790_000_000_123, back.Points[0].Ts);
    }

    [Fact]
    public void FieldValue_Of_NaN_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldValue.Of(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldValue.Of(double.PositiveInfinity));
    }

    [Fact]
    public void FieldValue_ToString_IsCultureInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("29.97", FieldValue.Of(29.97).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
