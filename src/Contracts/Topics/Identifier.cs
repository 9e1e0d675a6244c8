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
        if (string.IsNullOrEmpty(value))
        {
            reason = "identifier is empty";
            return false;
        }

        if (value.Length > MaxLength)
        {
            reason = $"identifier '{value[..16]}…' is {value.Length} characters; at most {MaxLength} are allowed";
            return false;
        }

        if (!char.IsAsciiLetterOrDigit(value[0]))
        {
            reason = $"identifier '{value}' must start with a letter or digit";
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                reason = $"identifier '{value}' contains '{Printable(c)}'; allowed are letters, digits, '-', '_' and '.'";
                return false;
            }
        }

        reason = null;
        return true;
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
        char.IsControl(c) ? $"\\u{(int)c:x4}" : new string(c, 1);
}
