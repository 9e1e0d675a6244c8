using System.Text.Json;

namespace LiveRoom.Contracts.Validation;

/// <summary>
/// What a <see cref="JsonException"/> says about the JSON, in words for whoever sent it: what is wrong and where
/// ("'5' is an invalid end of a number. Expected a delimiter (at $.name)", "a value has the wrong type: expected a
/// string, got a number (at $.timeZone)"). The serializer's own text names the .NET type it was reading into
/// ("could not be converted to LiveRoom.Dashboard.Users.CreateUserRequest"), which tells the sender nothing.
/// </summary>
public static class JsonProblem
{
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message.Split(" Path:")[0].Split(" LineNumber:")[0].Trim().TrimEnd('.');
        const string Missing = "missing required properties including: ";
        const string Converted = "The JSON value could not be converted to ";
        if (message.StartsWith(Converted, StringComparison.Ordinal))
        {
            // The inner text says which token came for which kind of value; for a number, date or time the outer one names
            // the .NET type, which says what was expected.
            message = exception.InnerException is InvalidOperationException inner && TokenType(inner.Message) is { } types
                ? $"a value has the wrong type: expected {types.Expected}, got {types.Got}"
                : Expected(message[Converted.Length..]) is { } expected
                    ? $"a value has the wrong type: expected {expected}"
                    : "a value has the wrong type";
        }
        else if (message.IndexOf(Missing, StringComparison.Ordinal) is var at and >= 0)
        {
            message = "missing required properties: " + message[(at + Missing.Length)..];
        }

        return exception.Path is null ? message : $"{message} (at {exception.Path})";
    }

    /// <summary>"Cannot get the value of a token type 'Number' as a string." → ("a string", "a number").</summary>
    private static (string Expected, string Got)? TokenType(string message)
    {
        const string Prefix = "Cannot get the value of a token type '";
        if (!message.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = message.IndexOf('\'', Prefix.Length);
        var got = end < 0 ? null : Token(message[Prefix.Length..end]);
        var asIndex = message.LastIndexOf(" as a ", StringComparison.Ordinal);
        var expected = asIndex < 0 ? null : message[(asIndex + 4)..].TrimEnd('.');
        return got is null || expected is null ? null : (expected, got);
    }

    private static string? Expected(string type) => type switch
    {
        "System.Int16" or "System.Int32" or "System.Int64" or "System.UInt16" or "System.UInt32" or "System.UInt64" or "System.Byte"
            or "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.String" => "a string",
        "System.DateTimeOffset" or "System.DateTime" => "a date and time (ISO 8601, e.g. 2026-11-24T20:00:00+08:00)",
        "System.DateOnly" => "a date (yyyy-MM-dd)",
        "System.TimeOnly" => "a time of day (HH:mm:ss)",
        "System.TimeSpan" => "a duration (hh:mm:ss)",
        _ when type.StartsWith("System.Nullable`1[", StringComparison.Ordinal) => Expected(type["System.Nullable`1[".Length..].TrimEnd(']')),
        _ => null,
    };

    private static string Token(string type) => type switch
    {
        "String" or "PropertyName" => "a string",
        "Number" => "a number",
        "True" or "False" => "true or false",
        "Null" => "null",
        "StartObject" => "an object",
        "StartArray" => "an array",
        _ => type,
    };
}
