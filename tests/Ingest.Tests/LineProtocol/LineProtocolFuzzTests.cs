using System.Globalization;
using System.Text;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.LineProtocol;
using LiveRoom.Ingest.Tests.Support;

namespace LiveRoom.Ingest.Tests.LineProtocol;

public sealed class LineProtocolFuzzTests
{
    private const int Cases = 100_000;

    [Fact]
    public void Encode_100kRandomPoints_AlwaysOneWellFormedLinePerPoint()
    {
        var random = new Random(20261122);
        var encoder = new LineProtocolEncoder();
        var buffer = new LineBuffer();
        for (var n = 0; n < Cases; n++)
        {
            var point = RandomPoint(random);
            var site = RandomText.Next(random, 12);
            var room = RandomText.Next(random, 12);
            if (point.Tags?.ContainsKey("site") == true || point.Tags?.ContainsKey("room") == true)
            {
                continue;
            }

            buffer.Clear();
            encoder.Encode(buffer, site, room, point);

            var text = Encoding.UTF8.GetString(buffer.Span);
            Assert.Equal(1, buffer.LineCount);
            Assert.Equal(text.Length - 1, text.IndexOf('\n', StringComparison.Ordinal));
            Assert.DoesNotContain('\r', text);
            var shape = LineScanner.Scan(text[..^1]);
            Assert.Equal(2 + (point.Tags?.Count ?? 0), shape.Tags);
            Assert.Equal(1 + point.Fields.Keys.Count(k => k != LineProtocolEncoder.SequenceField), shape.Fields);
            var expectedNs = (point.Ts * 1_000_000) + (point.Seq % 1_000_000);
            Assert.Equal(expectedNs.ToString(CultureInfo.InvariantCulture), shape.Timestamp);
        }
    }

    private static MetricPoint RandomPoint(Random random)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            fields[RandomText.Next(random, 10)] = random.Next(4) switch
            {
                0 => FieldValue.Of(RandomText.Next(random, 30)),
                1 => FieldValue.Of(random.Next(2) == 0),
                2 => FieldValue.Of(BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d : 0.5),
                _ => FieldValue.Of(random.NextDouble() * 1e6),
            };
        }

        Dictionary<string, string>? tags = null;
        if (random.Next(2) == 0)
        {
            tags = new(StringComparer.Ordinal);
            for (var i = random.Next(1, 5); i > 0; i--)
            {
                tags[RandomText.Next(random, 10)] = RandomText.Next(random, 16);
            }
        }

        return new MetricPoint
        {
            Seq = random.NextInt64(1, long.MaxValue),
            Ts = random.NextInt64(0, LineProtocolEncoder.MaxTimestampMs + 1),
            Kind = RandomText.Next(random, 12),
            Fields = fields,
            Tags = tags,
        };
    }
}
