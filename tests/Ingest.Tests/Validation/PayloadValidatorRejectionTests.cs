using System.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Contracts.Validation;
using LiveRoom.Ingest.Tests.Support;

namespace LiveRoom.Ingest.Tests.Validation;

/// <summary>Issue 3 item 7: each kind of malformed input is refused with its own reason.</summary>
public sealed class PayloadValidatorRejectionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(Payloads.Ts);
    private static readonly ParsedTopic Topic = new("s1", "r1", TopicChannel.Metrics, "stream");

    private static Rejection Reject(string json) => Reject(Encoding.UTF8.GetBytes(json));

    private static Rejection Reject(byte[] payload)
    {
        Assert.False(PayloadValidator.TryParseBatch(Topic, payload, Now, out _, out var rejection));
        return rejection;
    }

    [Fact]
    public void TryParseBatch_ValidPayload_ReturnsBatch()
    {
        Assert.True(PayloadValidator.TryParseBatch(Topic, Encoding.UTF8.GetBytes(Payloads.Valid()), Now, out var batch, out _));
        Assert.Equal(2, batch.Points.Count);
    }

    [Theory]
    [InlineData("{\"v\":1,")]
    [InlineData("not json")]
    [InlineData("")]
    public void TryParseBatch_BadJson_IsBadJson(string json) => Assert.Equal(RejectReason.BadJson, Reject(json).Reason);

    [Fact]
    public void TryParseBatch_UnknownSchemaVersion_IsRefused() =>
        Assert.Equal(RejectReason.UnknownSchemaVersion, Reject(Payloads.Valid(v: 2)).Reason);

    [Theory]
    [InlineData("\"fps\":25.5", "\"fps\":{\"a\":1}")]
    [InlineData("\"seq\":1,", "\"seq\":\"one\",")]
    [InlineData("\"floor\":1", "\"floor\":true")]
    public void TryParseBatch_WrongTypes_IsWrongType(string from, string to) =>
        Assert.Equal(RejectReason.WrongType, Reject(Payloads.Valid().Replace(from, to, StringComparison.Ordinal)).Reason);

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    public void TryParseBatch_NonFiniteNumber_IsNonFinite(string value) =>
        Assert.Equal(RejectReason.NonFinite, Reject(Payloads.Valid().Replace("25.5", value, StringComparison.Ordinal)).Reason);

    [Fact]
    public void TryParseBatch_PayloadOver64KiB_IsTooLarge()
    {
        var payload = Encoding.UTF8.GetBytes(Payloads.Valid(count: 1000));
        Assert.True(payload.Length > 64 * 1024);

        Assert.Equal(RejectReason.TooLarge, Reject(payload).Reason);
    }

    [Fact]
    public void TryParseBatch_TopicRoomDiffersFromPayloadRoom_IsRoomMismatch() =>
        Assert.Equal(RejectReason.RoomMismatch, Reject(Payloads.Valid(room: "r2")).Reason);

    [Fact]
    public void TryParseBatch_TimestampMoreThanADayAhead_IsFutureTimestamp()
    {
        var ahead = Payloads.Ts + (long)TimeSpan.FromDays(1).TotalMilliseconds + 60_000;

        Assert.Equal(RejectReason.FutureTimestamp, Reject(Payloads.Valid(ts: ahead)).Reason);
    }

    [Fact]
    public void TryParseBatch_TimestampLessThanADayAhead_IsAccepted()
    {
        var ahead = Payloads.Ts + (long)TimeSpan.FromHours(23).TotalMilliseconds;

        Assert.True(PayloadValidator.TryParseBatch(Topic, Encoding.UTF8.GetBytes(Payloads.Valid(ts: ahead)), Now, out _, out _));
    }
}
