using System.Text;

namespace LiveRoom.Ingest.Tests.Support;

/// <summary>Random strings weighted towards the characters that break line protocol and JSON.</summary>
internal static class RandomText
{
    private static readonly string[] Pieces =
    [
        ",", "=", " ", "\"", "\\", "\n", "\r", "\t", "'", "#", "a", "b", "Z", "0", "9", "_", "-", ".", "é", "東", "\u2028",
        "\ud83d\ude00", "\ud800", "\udc00", "\0", "\\n", "\\,", "fps=1", " 1\n", "i",
    ];

    public static string Next(Random random, int maxLength)
    {
        var length = random.Next(1, maxLength + 1);
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(random.Next(3) == 0 ? (char)random.Next('a', 'z' + 1) : Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }
}
