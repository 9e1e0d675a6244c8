using System.Text;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.LineProtocol;
using LiveRoom.Ingest.Tests.Support;

namespace LiveRoom.Ingest.Tests.LineProtocol;

public sealed class LineProtocolEncoderTests
{
    private const long Ts = 1_763_790_000_123;

    private static string Encode(MetricPoint point, string site = "s1", string room = "r1")
    {
        var buffer = new LineBuffer();
        new LineProtocolEncoder().Encode(buffer, site, room, point);
        return Encoding.UTF8.GetString(buffer.Span);
    }

    private static MetricPoint Point(string kind = "stream", Dictionary<string, FieldValue>? fields = null, Dictionary<string, string>? tags = null, long seq = 7, long ts = Ts) => new()
    {
        Seq = seq,
        Ts = ts,
        Kind = kind,
        Fields = fields ?? new() { ["fps"] = 25.0 },
        Tags = tags,
    };

    [Fact]
    public void Encode_SimplePoint_WritesSortedTagsFieldsSeqAndNanoseconds()
    {
        var line = Encode(Point(fields: new() { ["fps"] = 29.97, ["up"] = true, ["video_codec"] = "h264", ["width"] = 1920.0 }));

        Assert.Equal("stream,room=r1,site=s1 fps=29.97,up=true,video_codec=\"h264\",width=1920,seq=7i 1763790000123000007\n", line);
    }

    [Fact]
    public void Encode_ExtraTags_AreSortedWithSiteAndRoom()
    {
        var line = Encode(Point(kind: "event", tags: new() { ["type"] = "freeze", ["a"] = "x" }));

        Assert.StartsWith("event,a=x,room=r1,site=s1,type=freeze ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.0, "-0")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1.5e-7, "1.5E-07")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(123456789.125, "123456789.125")]
    public void Encode_Number_IsShortestRoundTripInvariant(double value, string expected)
    {
        var line = Encode(Point(fields: new() { ["v"] = value }));

        Assert.Contains($" v={expected},seq=", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_Number_DoesNotDependOnCurrentCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Contains(" v=1.5,", Encode(Point(fields: new() { ["v"] = 1.5 })), StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(1L, 1_000_001L)]
    [InlineData(999_999L, 1_999_999L)]
    [InlineData(1_000_000L, 1_000_000L)]
    [InlineData(3_000_005L, 1_000_005L)]
    public void Encode_Timestamp_IsMillisecondsPlusSeqModuloMillion(long seq, long expectedNs)
    {
        var line = Encode(Point(seq: seq, ts: 1));

        Assert.EndsWith($" {expectedNs}\n", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a b", "a\\ b")]
    [InlineData("a=b", "a\\=b")]
    [InlineData("a\"b", "a\"b")]
    [InlineData("a\\b", "a＼b")]
    [InlineData("end\\", "end＼")]
    [InlineData("x\ny=1 2", "x␊y\\=1\\ 2")]
    [InlineData("x\r\n", "x␍␊")]
    [InlineData("Zürich 東京", "Zürich\\ 東京")]
    public void Encode_TagValue_IsEscapedOrSubstituted(string value, string expected)
    {
        var line = Encode(Point(tags: new() { ["t"] = value }));

        Assert.Contains($",t={expected} ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k,k", "k\\,k")]
    [InlineData("k=k", "k\\=k")]
    [InlineData("k k", "k\\ k")]
    [InlineData("k\nk", "k␊k")]
    [InlineData("k\\", "k＼")]
    public void Encode_FieldAndTagKeys_AreEscaped(string key, string expected)
    {
        var line = Encode(Point(fields: new() { [key] = 1.0 }, tags: new() { [key] = "v" }));

        Assert.Contains($",{expected}=v,room=", line, StringComparison.Ordinal);
        Assert.Contains($" {expected}=1,seq=", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("C:\\path\\", "C:\\\\path\\\\")]
    [InlineData("a,b c=d", "a,b c=d")]
    [InlineData("line1\nline2\r", "line1␊line2␍")]
    [InlineData("\\\"", "\\\\\\\"")]
    public void Encode_StringField_EscapesQuoteAndBackslash(string value, string expected)
    {
        var line = Encode(Point(fields: new() { ["msg"] = value }));

        Assert.Contains($" msg=\"{expected}\",seq=", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_MeasurementWithCommaAndSpace_IsEscaped()
    {
        var line = Encode(Point(kind: "a,b c=d"));

        Assert.StartsWith("a\\,b\\ c=d,room=", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_InjectedPointInTag_StaysOneLineWithOneExtraTag()
    {
        var line = Encode(Point(tags: new() { ["t"] = "x fps=1 1\nevil,room=other fps=666 1" }));

        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var shape = LineScanner.Scan(line[..^1]);
        Assert.Equal(3, shape.Tags);
        Assert.Equal(2, shape.Fields);
    }

    [Fact]
    public void Encode_FieldNamedSeq_IsNotWrittenTwice()
    {
        var line = Encode(Point(fields: new() { ["seq"] = 5.0, ["v"] = 1.0 }));

        Assert.Contains(" v=1,seq=7i ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_TimestampBeyondInfluxRange_ThrowsAndAppendsNothing()
    {
        var buffer = new LineBuffer();
        var encoder = new LineProtocolEncoder();
        encoder.Encode(buffer, "s", "r", Point());

        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Encode(buffer, "s", "r", Point(ts: LineProtocolEncoder.MaxTimestampMs + 1)));
        Assert.Equal(1, buffer.LineCount);
        Assert.Equal((byte)'\n', buffer.Span[^1]);
    }

    [Fact]
    public void Lines_AfterSeveralPoints_ReturnsEachLine()
    {
        var buffer = new LineBuffer(16);
        var encoder = new LineProtocolEncoder();
        for (var i = 1; i <= 100; i++)
        {
            encoder.Encode(buffer, "s", "r", Point(seq: i));
        }

        Assert.Equal(100, buffer.LineCount);
        Assert.EndsWith("seq=42i 1763790000123000042\n", Encoding.UTF8.GetString(buffer.Line(41).Span), StringComparison.Ordinal);
        Assert.Equal(buffer.Length, buffer.Lines(0, 50).Length + buffer.Lines(50, 50).Length);
    }
}
