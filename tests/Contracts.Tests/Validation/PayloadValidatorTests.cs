using System.Text;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;
using LiveRoom.Contracts.Validation;

namespace LiveRoom.Contracts.Tests.Validation;

public sealed class PayloadValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
    private static readonly ParsedTopic StreamTopic = new("s1", "r1", "metrics", "stream");
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();

    private static string Batch(string points, string room = "r1", int v = 1, long floor = 1) =>
        $$"""{"v":{{v}},"site":"s1","room":"{{room}}","edge":"e1","floor":{{floor}},"points":[{{points}}]}""";

    private static string Point(string fields = "\"fps\":30", long seq = 1, long? ts = null, string kind = "stream") =>
        $$$"""{"seq":{{{seq}}},"ts":{{{ts ?? NowMs}}},"kind":"{{{kind}}}","fields":{{{{fields}}}}}""";

    private static (bool Ok, MetricBatch? Batch, Rejection? Rejection) Validate(string json, ParsedTopic? topic = null)
    {
        var ok = PayloadValidator.TryParseBatch(topic ?? StreamTopic, Encoding.UTF8.GetBytes(json), Now, out var batch, out var rejection);
        return (ok, batch, rejection);
    }

    [Fact]
    public void TryParseBatch_WellFormed_ReturnsTypedFields()
    {
        var (ok, batch, _) = Validate(Batch(Point("\"fps\":29.97,\"up\":true,\"video_codec\":\"h264\",\"width\":1920")));
        Assert.True(ok);
        var fields = batch!.Points[0].Fields;
        Assert.Equal(29.97, fields["fps"].Number);
        Assert.True(fields["up"].Boolean);
        Assert.Equal("h264", fields["video_codec"].Text);
        Assert.Equal(FieldType.Number, fields["width"].Type);
    }

    [Theory]
    [InlineData("{not json", RejectReason.BadJson)]
    [InlineData("[]", RejectReason.WrongType)]
    [InlineData("null", RejectReason.BadJson)]
    [InlineData("""{"v":1,"site":"s1","room":"r1","edge":"e1","floor":1}""", RejectReason.MissingField)]
    [InlineData("""{"v":"one","site":"s1","room":"r1","edge":"e1","floor":1,"points":[]}""", RejectReason.WrongType)]
    public void TryParseBatch_Malformed_RejectedWithReason(string json, RejectReason expected)
    {
        var (ok, _, rejection) = Validate(json);
        Assert.False(ok);
        Assert.Equal(expected, rejection!.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Detail));
    }

    [Fact]
    public void TryParseBatch_UnknownSchemaVersion_Rejected()
    {
        var (_, _, rejection) = Validate(Batch(Point(), v: 2));
        Assert.Equal(RejectReason.UnknownSchemaVersion, rejection!.Reason);
        Assert.Contains("2", rejection.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"fps\":1e400")]
    [InlineData("\"fps\":-1e400")]
    [InlineData("\"fps\":\"NaN\"")]
    [InlineData("\"fps\":\"Infinity\"")]
    public void TryParseBatch_NonFinite_Rejected(string fields)
    {
        var (_, _, rejection) = Validate(Batch(Point(fields)));
        Assert.Equal(RejectReason.NonFinite, rejection!.Reason);
    }

    [Theory]
    [InlineData("\"fps\":[30]")]
    [InlineData("\"fps\":{\"a\":1}")]
    [InlineData("\"fps\":null")]
    public void TryParseBatch_FieldOfWrongType_Rejected(string fields)
    {
        var (_, _, rejection) = Validate(Batch(Point(fields)));
        Assert.Equal(RejectReason.WrongType, rejection!.Reason);
    }

    [Fact]
    public void TryParseBatch_PayloadOver64KiB_Rejected()
    {
        var big = Batch(Point($"\"note\":\"{new string('x', 70_000)}\""));
        var (_, _, rejection) = Validate(big);
        Assert.Equal(RejectReason.TooLarge, rejection!.Reason);
    }

    [Fact]
    public void TryParseBatch_TopicRoomDiffers_Rejected()
    {
        var (_, _, rejection) = Validate(Batch(Point(), room: "r2"));
        Assert.Equal(RejectReason.RoomMismatch, rejection!.Reason);
        Assert.Contains("'r2'", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseBatch_TimestampMoreThanADayAhead_Rejected()
    {
        var ahead = Now.AddDays(1).AddMinutes(1).ToUnixTimeMilliseconds();
        var (_, _, rejection) = Validate(Batch(Point(ts: ahead)));
        Assert.Equal(RejectReason.FutureTimestamp, rejection!.Reason);
        var (ok, _, _) = Validate(Batch(Point(ts: Now.AddHours(23).ToUnixTimeMilliseconds())));
        Assert.True(ok);
    }

    [Fact]
    public void TryParseBatch_KindNotMatchingTopic_Rejected()
    {
        var (_, _, rejection) = Validate(Batch(Point(kind: "audio")));
        Assert.Equal(RejectReason.KindMismatch, rejection!.Reason);
        var (ok, _, _) = Validate(Batch(Point(kind: "audio")), new ParsedTopic("s1", "r1", "metrics", Topic.MixedKinds));
        Assert.True(ok);
    }

    [Theory]
    [InlineData("\"time\":1")]
    [InlineData("\"_x\":1")]
    [InlineData("\"\":1")]
    public void TryParseBatch_ReservedFieldKey_Rejected(string fields)
    {
        var (_, _, rejection) = Validate(Batch(Point(fields)));
        Assert.Equal(RejectReason.BadIdentifier, rejection!.Reason);
    }

    [Fact]
    public void TryParseBatch_EmptyPoints_Rejected()
    {
        var (_, _, rejection) = Validate(Batch(string.Empty));
        Assert.Equal(RejectReason.EmptyBatch, rejection!.Reason);
    }

    [Fact]
    public void TryParseBatch_SequenceBelowOne_Rejected()
    {
        var (_, _, rejection) = Validate(Batch(Point(seq: 0)));
        Assert.Equal(RejectReason.BadSequence, rejection!.Reason);
        Assert.StartsWith("points[0]", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseBatch_NoFields_Rejected()
    {
        var (_, _, rejection) = Validate(Batch(Point(string.Empty)));
        Assert.Equal(RejectReason.MissingField, rejection!.Reason);
    }

    [Fact]
    public void RejectReason_EveryValue_HasDistinctCode()
    {
        var codes = Enum.GetValues<RejectReason>().Select(r => r.ToCode()).ToList();
        Assert.DoesNotContain("unknown", codes);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }
}
