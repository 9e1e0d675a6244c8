using LiveRoom.Ingest.Alerts.Acknowledging;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Acknowledging;

public sealed class AckTokenSignerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Verify_FreshToken_GivesTheAlert_ExpiredOrTamperedRefused()
    {
        var signer = AckTokenSigner.FromSecret("a-secret-of-at-least-thirty-two-chars!", _time);
        var token = signer.Create("abc123", TimeSpan.FromHours(1));
        Assert.Equal(TokenCheck.Valid, signer.Verify(token, out var id));
        Assert.Equal("abc123", id);

        Assert.Equal(TokenCheck.BadSignature, signer.Verify(token.Replace("abc123", "abc124", StringComparison.Ordinal), out _));
        Assert.Equal(TokenCheck.BadSignature, AckTokenSigner.FromSecret("another-secret-of-at-least-32-chars!!", _time).Verify(token, out _));
        Assert.Equal(TokenCheck.Malformed, signer.Verify("nonsense", out _));
        Assert.Equal(TokenCheck.Malformed, signer.Verify(null, out _));

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TokenCheck.Expired, signer.Verify(token, out _));
    }
}
