using System.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Contracts.Validation;
using LiveRoom.Ingest.Tests.Support;

namespace LiveRoom.Ingest.Tests.Validation;

public sealed class PayloadValidatorFuzzTests
{
    private const int Cases = 100_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "false", "1e400", "-1e400", "NaN", "\"NaN\"", "\"Infinity\"", "0", "-1",
        "9223372036854775808", "1.5", "\"v\"", "\"points\"", "\"fields\"", "\"seq\"", "\"ts\"", "\"floor\"", "\\u0000", "\\ud800", "\"\\n\"",
    ];

    [Fact]
    public void TryParseBatch_100kMutatedPayloads_NeverThrowsAndAlwaysAnswers()
    {
        var random = new Random(4242);
        var topic = new ParsedTopic("s1", "r1", TopicChannel.Metrics, "stream");
        var valid = Encoding.UTF8.GetBytes(Payloads.Valid());
        var accepted = 0;
        for (var n = 0; n < Cases; n++)
        {
            var payload = Mutate(random, valid);

            var ok = PayloadValidator.TryParseBatch(topic, payload, Now, out var batch, out var rejection);

            if (ok)
            {
                Assert.NotNull(batch);
                Assert.Null(rejection);
                accepted++;
            }
            else
            {
                Assert.Null(batch);
                Assert.NotNull(rejection);
                Assert.True(Enum.IsDefined(rejection.Reason));
                Assert.False(string.IsNullOrWhiteSpace(rejection.Detail));
            }
        }

        // The mutations are small, so some payloads stay valid: both paths were exercised.
        Assert.InRange(accepted, 1, Cases - 1);
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = new List<byte>(valid);
        switch (random.Next(6))
        {
            case 0:
                return RandomBytes(random);
            case 1:
                bytes.RemoveRange(random.Next(bytes.Count), 1);
                break;
            case 2:
                var from = random.Next(bytes.Count);
                bytes.RemoveRange(from, Math.Min(random.Next(1, 9), bytes.Count - from));
                break;
            case 3:
                bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                break;
            case 4:
                bytes.InsertRange(random.Next(bytes.Count), Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                break;
            default:
                var text = Encoding.UTF8.GetString([.. bytes]);
                var at = random.Next(text.Length);
                text = text[..at] + RandomText.Next(random, 6) + text[at..];
                return Encoding.UTF8.GetBytes(text);
        }

        // Sometimes leave a small mutation out, so valid payloads keep appearing.
        return random.Next(20) == 0 ? valid : [.. bytes];
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 64)];
        random.NextBytes(bytes);
        return bytes;
    }
}
