using System.Globalization;
using LiveRoom.Contracts.Text;

namespace LiveRoom.Contracts.Topics;

/// <summary>
/// Site, room and kind identifiers: 1–64 characters of ASCII letters, digits, '-', '_' and '.',
/// starting with a letter or digit. This keeps them safe as MQTT topic levels (no '+', '#', '/'),
/// as file names and in URLs. (Line protocol escapes any string anyway; this is the product's own rule.)
/// </summary>
public static class Identifier
{
    public const int MaxLength = 64;

    public static bool IsValid(string? value, [NotNullWhen(false)] out string? reason)
    {
        reason = Check(value)?.English;
        return reason is null;
    }

    /// <summary>Why <paramref name="value"/> is not an identifier, in both languages; null when it is one.</summary>
    public static LocalText? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new("identifier is empty", "标识为空");
        }

        if (value.Length > MaxLength)
        {
            return new(
                string.Create(CultureInfo.InvariantCulture, $"identifier '{value[..16]}…' is {value.Length} characters; at most {MaxLength} are allowed"),
                string.Create(CultureInfo.InvariantCulture, $"标识“{value[..16]}…”有 {value.Length} 个字符，最多 {MaxLength} 个"));
        }

        if (!char.IsAsciiLetterOrDigit(value[0]))
        {
            return new($"identifier '{value}' must start with a letter or digit", $"标识“{value}”必须以字母或数字开头");
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return new(
                    $"identifier '{value}' contains '{Printable(c)}'; allowed are letters, digits, '-', '_' and '.'",
                    $"标识“{value}”含有“{Printable(c)}”；只允许字母、数字、“-”、“_”和“.”");
            }
        }

        return null;
    }

    public static bool IsValid(string? value) => IsValid(value, out _);

    public static void ThrowIfInvalid(string? value, string paramName)
    {
        if (!IsValid(value, out var reason))
        {
            throw new ArgumentException(reason, paramName);
        }
    }

    private static string Printable(char c) =>
        char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : new string(c, 1);
}
