using LiveRoom.Probe.Obs;

namespace LiveRoom.Probe.Tests.Obs;

public sealed class ObsAuthenticationTests
{
    [Fact]
    public void Compute_ProtocolExampleChallengeAndSalt_MatchesIndependentComputation()
    {
        // The protocol text's example password, challenge and salt; the expected string was computed independently
        // (Python hashlib: b64(sha256(b64(sha256(password + salt)) + challenge))).
        var auth = ObsAuthentication.Compute(
            "supersecretpassword",
            salt: "lM1GncleQOaCu9lT1yeUZhFYnqhsLLP1G5lAGo3ixaI=",
            challenge: "+IxH4CnCiqpX1rM9scsNynZzbOe4KhDeYcTNS3PDaeY=");

        Assert.Equal("1Ct943GAT+6YQUUX47Ia/ncufilbe6+oD6lY+5kaCu4=", auth);
    }

    [Fact]
    public void Compute_DifferentChallenge_GivesDifferentString()
    {
        var a = ObsAuthentication.Compute("pw", "salt", "challenge-1");
        var b = ObsAuthentication.Compute("pw", "salt", "challenge-2");

        Assert.NotEqual(a, b);
    }
}
