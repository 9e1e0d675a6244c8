using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Probe.Display;
using static LiveRoom.Probe.Tests.Display.DoorStates;

namespace LiveRoom.Probe.Tests.Display;

/// <summary>
/// The 512-byte rule (issue 6 item 4b) as a property: for thousands of seeded random states with long Chinese text,
/// emoji sequences, JSON-escaped characters, control characters and broken surrogates, the serialised message fits,
/// is valid UTF-8 JSON, carries no control character, and every cut field is a whole-text-element prefix plus "…".
/// </summary>
public sealed class DisplayComposerFuzzTests
{
    // Atoms the text is made of. Controls and bidi overrides must vanish; the rest must survive in order.
    private static readonly string[] Kept =
    [
        "a", "Z", "7", "\"", "\\", "<", ">", "&", "'", "+", "/", "直", "播", "间", "晚", "场", "美", "妆", "，", "…", "–",
        "😀", "👨‍👩‍👧", "👍🏽", "🇨🇳", "🇺🇸", "é", "e\u0301", "\u200D", "\uFE0F", "한", "ก", "ำ", "\U0001F9D1\u200D\U0001F4BB",
    ];

    private static readonly string[] Dropped = ["\u0000", "\u0001", "\u001B", "\u007F", "\u0080", "\u009B", "\u202E", "\u2066", "\uD800", "\uDC00"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Compose_RandomText_AlwaysFitsAndCutsOnTextElements(int seed)
    {
        var random = new Random(seed);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        for (var i = 0; i < 500; i++)
        {
            var (title, titleKept) = Text(random);
            var (host, hostKept) = Text(random);
            var (reason, reasonKept) = Text(random);
            var (next, _) = Text(random);
            var stateCode = RoomStates.All[random.Next(RoomStates.All.Count)];
            var state = State(
                stateCode,
                random.Next(4) == 0 ? null : Show(title, host),
                random.Next(3) == 0 ? null : NextShow(next),
                reason,
                random.Next(2) == 0 ? null : Progress(random.Next(0, 12), 10, "uplink: 2.1 Mbit/s"),
                since: Now.AddMinutes(-random.Next(0, 100_000)));

            var display = DisplayComposer.Compose(state, random.Next(2) == 0 ? Shanghai : TimeZoneInfo.Utc, Now);
            var bytes = DisplayComposer.Serialize(display);

            Assert.True(bytes.Length <= DisplayMessage.MaxBytes, $"seed {seed} case {i}: {bytes.Length} bytes");
            var json = strict.GetString(bytes);
            Assert.Equal(display, JsonSerializer.Deserialize(json, ContractsJsonContext.Default.DisplayMessage));
            foreach (var field in new[] { display.Title, display.Host, display.When, display.Next, display.Message, display.English })
            {
                Assert.DoesNotContain(field, char.IsControl);
                Assert.True(IsWellFormed(field), $"seed {seed} case {i}: lone surrogate in '{field}'");
            }

            if (state.Show is not null)
            {
                AssertKeptOrCut(titleKept, display.Title);
                AssertKeptOrCut(hostKept, display.Host);
            }

            if (reasonKept.Length > 0)
            {
                AssertKeptOrCut(reasonKept, display.Message);
            }
        }
    }

    private static void AssertKeptOrCut(string expected, string actual)
    {
        if (actual == expected)
        {
            return;
        }

        Assert.EndsWith("…", actual, StringComparison.Ordinal);
        Assert.True(TextElements.IsPrefix(actual[..^1], expected), $"'{actual}' is not a whole-text-element prefix of '{expected}' plus …");
    }

    /// <summary>A random text (sometimes empty, sometimes thousands of atoms) and what it must read after cleaning.</summary>
    private static (string Text, string Kept) Text(Random random)
    {
        var length = random.Next(4) switch
        {
            0 => 0,
            1 => random.Next(1, 12),
            2 => random.Next(12, 200),
            _ => random.Next(200, 3000),
        };
        var text = new StringBuilder();
        var kept = new StringBuilder();
        var previous = string.Empty;
        for (var n = 0; n < length; n++)
        {
            if (random.Next(8) == 0)
            {
                var drop = Dropped[random.Next(Dropped.Length)];
                if (previous == "\uD800" && drop == "\uDC00")
                {
                    continue; // the two halves would make a valid pair
                }

                text.Append(drop);
                previous = drop;
                continue;
            }

            var atom = Kept[random.Next(Kept.Length)];
            text.Append(atom);
            kept.Append(atom);
            previous = atom;
        }

        return (text.ToString(), kept.ToString());
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
