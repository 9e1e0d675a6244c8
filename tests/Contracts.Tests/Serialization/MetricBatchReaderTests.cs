using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;

namespace LiveRoom.Contracts.Tests.Serialization;

/// <summary>
/// The fast reader must build exactly what the source-generated deserializer builds, or decline (null) so the
/// deserializer decides: then validation results and reason codes cannot change.
/// </summary>
public sealed class MetricBatchReaderTests
{
    private const string Valid =
        """{"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[{"seq":3,"ts":1790000000123,"kind":"stream","fields":{"fps":29.97,"up":true,"video_codec":"h264","n":-0,"big":1E+300},"tags":{"source":"srt"}},{"seq":4,"ts":1790000001123,"kind":"audio","fields":{"lufs":-23.5}}]}""";

    [Fact]
    public void TryRead_WellFormedBatch_EqualsDeserializer()
    {
        var payload = Encoding.UTF8.GetBytes(Valid);

        var fast = MetricBatchReader.TryRead(payload);

        Assert.NotNull(fast);
        AssertSame(JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.MetricBatch)!, fast);
        Assert.Equal("h264", fast.Points[0].Fields["video_codec"].Text);
        Assert.Null(fast.Points[1].Tags);
    }

    [Theory]
    [InlineData("""{"v":1,"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[]}""")]
    [InlineData("""{"v":1.0,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[]}""")]
    [InlineData("""{"v":1,"site":null,"room":"r1","edge":"e1","floor":3,"points":[]}""")]
    [InlineData("""{"v":1,"room":"r1","edge":"e1","floor":3,"points":[]}""")]
    [InlineData("""{"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[null]}""")]
    [InlineData("""{"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[{"seq":1,"ts":1,"kind":"k","fields":{"a":"NaN"}}]}""")]
    [InlineData("""{"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[{"seq":1,"ts":1,"kind":"k","fields":{"a":1e400}}]}""")]
    [InlineData("""{"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[{"seq":1,"ts":1,"kind":"k","fields":{"a":1,"a":2}}]}""")]
    [InlineData("""{"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[{"seq":1,"ts":1,"kind":"k","fields":{"a":[1]}}]}""")]
    [InlineData("""{"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[{"seq":"1","ts":1,"kind":"k","fields":{"a":1}}]}""")]
    [InlineData("""{"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[{"seq":1,"ts":1,"kind":"k","fields":{"a":1},"tags":{"t":null}}]}""")]
    [InlineData("""{"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[]} x""")]
    [InlineData("""{"v":1,"site":"s1","room":"r1","edge":"e1","floor":3,"points":[],}""")]
    [InlineData("""[{"v":1}]""")]
    [InlineData("""{"v":1,"site":"s1""")]
    public void TryRead_AnythingNotPlainlyWellFormed_Declines(string json)
    {
        Assert.Null(MetricBatchReader.TryRead(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void TryRead_UnknownPropertiesEscapesAndNullTags_EqualsDeserializer()
    {
        var json = """ {"x":{"deep":[1,{"y":null}]},"\u0076":1,"site":"s1","room":"r\u0031","edge":"e1","floor":3,"points":[{"seq":1,"ts":2,"kind":"k","tags":null,"fields":{"t\u00e9":"\u00e9\n","b":false},"z":[]}]} """;
        var payload = Encoding.UTF8.GetBytes(json);

        var fast = MetricBatchReader.TryRead(payload);

        Assert.NotNull(fast);
        AssertSame(JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.MetricBatch)!, fast);
    }

    [Fact]
    public void TryRead_MutatedPayloads_AcceptsOnlyWhatDeserializerReadsIdentically()
    {
        // Fixed seed: 20,000 mutations of valid batches (types, names, duplicates, escapes, junk, truncation).
        var random = new Random(20261122);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var payload = Encoding.UTF8.GetBytes(Mutate(random, ValidBatch(random)));
            MetricBatch? slow;
            try
            {
                slow = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.MetricBatch);
            }
            catch (JsonException)
            {
                slow = null;
            }

            var fast = MetricBatchReader.TryRead(payload);
            if (fast is not null)
            {
                accepted++;
                Assert.NotNull(slow);
                AssertSame(slow, fast);
            }
        }

        // Both outcomes were exercised.
        Assert.InRange(accepted, 1_000, 19_000);
    }

    private static string ValidBatch(Random random)
    {
        var points = new List<MetricPoint>();
        for (var p = 0; p < random.Next(1, 4); p++)
        {
            var fields = new Dictionary<string, FieldValue>();
            for (var f = 0; f < random.Next(1, 5); f++)
            {
                fields[$"f{f}"] = random.Next(3) switch
                {
                    0 => FieldValue.Of(Math.Round(random.NextDouble() * 1e6, random.Next(8)) - 5e5),
                    1 => FieldValue.Of(random.Next(2) == 0),
                    _ => FieldValue.Of($"t{random.Next(100)}\"\\é"),
                };
            }

            var tags = random.Next(3) == 0 ? new Dictionary<string, string> { ["type"] = "x" } : null;
            points.Add(new MetricPoint { Seq = random.Next(1, 1000), Ts = 1_790_000_000_000 + random.Next(), Kind = "stream", Fields = fields, Tags = tags });
        }

        var batch = new MetricBatch { V = 1, Site = "s1", Room = "r1", Edge = "e1", Floor = 1, Points = points };
        return JsonSerializer.Serialize(batch, ContractsJsonContext.Default.MetricBatch);
    }

    private static readonly string[] Values = ["null", "\"x\"", "1.5", "true", "[]", "{}", "\"NaN\"", "1e400", "-0", "12345678901234567890", "\"\\u0041\""];
    private static readonly string[] Names = ["v", "site", "room", "edge", "floor", "points", "seq", "ts", "kind", "fields", "tags", "f0", "zz"];

    private static string Mutate(Random random, string json)
    {
        switch (random.Next(9))
        {
            case 0:
                // A value of another type or kind after a random colon.
                var colon = NthIndex(json, ':', random);
                var end = json.IndexOfAny([',', '}', ']'], colon + 1);
                return colon < 0 || end < 0 ? json : string.Concat(json.AsSpan(0, colon + 1), Values[random.Next(Values.Length)], json.AsSpan(end));
            case 1:
                // A repeated or unknown property at the start of a random object.
                var brace = NthIndex(json, '{', random);
                return json.Insert(brace + 1, $"\"{Names[random.Next(Names.Length)]}\":{Values[random.Next(Values.Length)]},");
            case 2:
                // A property renamed (maybe to another known one, so one goes missing and one repeats).
                var name = Names[random.Next(Names.Length)];
                var at = json.IndexOf($"\"{name}\":", StringComparison.Ordinal);
                return at < 0 ? json : string.Concat(json.AsSpan(0, at), $"\"{Names[random.Next(Names.Length)]}\":", json.AsSpan(at + name.Length + 3));
            case 3:
                // An escaped property name.
                return json.Replace("\"site\":", "\"s\\u0069te\":", StringComparison.Ordinal).Replace("\"f0\":", "\"\\u0066\\u0030\":", StringComparison.Ordinal);
            case 4:
                return json + (random.Next(2) == 0 ? "  \n" : " {}");
            case 5:
                return json[..random.Next(json.Length)];
            case 6:
                var chars = json.ToCharArray();
                chars[random.Next(chars.Length)] = (char)random.Next(32, 127);
                return new string(chars);
            case 7:
                return json.Replace(",", " , ", StringComparison.Ordinal).Replace("1,", "1.0,", StringComparison.Ordinal);
            default:
                return json;
        }
    }

    private static int NthIndex(string text, char c, Random random)
    {
        var count = text.Count(x => x == c);
        if (count == 0)
        {
            return -1;
        }

        var n = random.Next(count);
        var index = -1;
        for (var i = 0; i <= n; i++)
        {
            index = text.IndexOf(c, index + 1);
        }

        return index;
    }

    private static void AssertSame(MetricBatch expected, MetricBatch actual)
    {
        Assert.Equal((expected.V, expected.Site, expected.Room, expected.Edge, expected.Floor), (actual.V, actual.Site, actual.Room, actual.Edge, actual.Floor));
        Assert.Equal(expected.Points.Count, actual.Points.Count);
        for (var i = 0; i < expected.Points.Count; i++)
        {
            var e = expected.Points[i];
            var a = actual.Points[i];
            Assert.Equal((e.Seq, e.Ts, e.Kind), (a.Seq, a.Ts, a.Kind));
            Assert.Equal(e.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(Describe), a.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(Describe));
            Assert.Equal(e.Tags?.OrderBy(t => t.Key, StringComparer.Ordinal), a.Tags?.OrderBy(t => t.Key, StringComparer.Ordinal));
        }
    }

    // The exact double (bits), so -0 and 0 or two nearby numbers are told apart.
    private static string Describe(KeyValuePair<string, FieldValue> field) =>
        string.Create(CultureInfo.InvariantCulture, $"{field.Key}={field.Value.Type}:{BitConverter.DoubleToInt64Bits(field.Value.Number)}:{field.Value.Boolean}:{field.Value.Text}");
}
