using System.Reflection;

namespace LiveRoom.Testing;

/// <summary>The public string constants of id classes (event types, audit actions, checklist items): what a words table must name.</summary>
public static class StringConstants
{
    /// <summary>Every public <c>const string</c> of <paramref name="types"/>, in declaration order.</summary>
    public static List<string> Of(params Type[] types) =>
        [.. types.SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)];
}
