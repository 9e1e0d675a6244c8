using LiveRoom.Ingest.Alerts.Notifying;

namespace LiveRoom.Ingest.Tests.Alerts.Notifying;

/// <summary>Fixed-input vectors of the documented algorithms (computed independently with Python's hmac/base64).</summary>
public sealed class RobotSignatureTests
{
    [Fact]
    public void DingTalk_FixedInput_MatchesDocumentedAlgorithm()
    {
        // sign = urlencode(base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)))
        var sign = RobotSignature.DingTalk(1_700_000_000_000, "SEC000000000000000000000000000000000000000000000000000000000000000");
        Assert.Equal("mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg=", sign);
        Assert.Equal("mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg%3D", Uri.EscapeDataString(sign));
    }

    [Fact]
    public void Feishu_FixedInput_MatchesDocumentedAlgorithm()
    {
        // sign = base64(HMAC-SHA256(key = timestamp + "\n" + secret, data = empty)), timestamp in seconds
        Assert.Equal("mYHw2R2SOm8Rw/sne3lQdmz4sOfntKR+1P/8RKKTwmA=", RobotSignature.Feishu(1_700_000_000, "demo-secret"));
    }
}
