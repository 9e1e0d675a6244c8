using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Unicode;

namespace LiveRoom.Contracts.Serialization;

/// <summary>
/// Shares one string instance per short JSON name or value the hot path sees over and over (field keys, kinds,
/// sites, rooms, edges), so a received point does not allocate a new string for each of them. Bounded: past
/// <see cref="MaxEntries"/> names (or for long ones) the string is simply allocated, so hostile input cannot grow it.
/// Thread-safe.
/// </summary>
internal static class NameCache
{
    private const int MaxEntries = 4096;
    private const int MaxLength = 64;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The current string token (a property name or string value); false when it is not valid UTF-8.</summary>
    public static bool TryGet(ref Utf8JsonReader reader, out string value)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
        {
            // Rare: let the reader unescape (it throws on invalid UTF-8; the caller falls back).
            value = reader.GetString()!;
            return true;
        }

        var utf8 = reader.ValueSpan;
        Span<char> chars = stackalloc char[MaxLength];
        if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            value = string.Empty;
            return false;
        }

        var span = chars[..written];
        if (ByChars.TryGetValue(span, out var cached))
        {
            value = cached;
            return true;
        }

        value = new string(span);
        if (Names.Count < MaxEntries)
        {
            value = Names.GetOrAdd(value, value);
        }

        return true;
    }
}
