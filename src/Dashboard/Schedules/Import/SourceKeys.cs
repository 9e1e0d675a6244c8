using System.Globalization;

namespace LiveRoom.Dashboard.Schedules.Import;

/// <summary>
/// The identity of an imported occurrence in its source, stored with the show so a re-import updates it in place
/// (<c>shows.source_key</c>). iCalendar: <c>ics:UID</c> for a single event (moving it keeps its identity), and
/// <c>ics:UID|20261123T120000Z</c> for an occurrence of a recurring event — the UTC instant of its original start, which
/// is what a RECURRENCE-ID names (RFC 5545 3.8.4.4), so an override maps to the occurrence it replaces. CSV with a
/// <c>uid</c> column: <c>csv:UID</c>.
/// </summary>
internal static class SourceKeys
{
    private const string IcsPrefix = "ics:";
    private const string InstantFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Length of "|" and the instant: 1 + 16.</summary>
    private const int InstantSuffix = 17;

    public static string Ics(string uid) => IcsPrefix + uid;

    public static string Ics(string uid, DateTimeOffset originalStart) =>
        IcsPrefix + uid + "|" + originalStart.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string Csv(string uid) => "csv:" + uid;

    /// <summary>The UID of an iCalendar key, or null for any other key.</summary>
    public static string? IcsUid(string key)
    {
        if (!key.StartsWith(IcsPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = key[IcsPrefix.Length..];
        return rest.Length > InstantSuffix
            && rest[^InstantSuffix] == '|'
            && DateTime.TryParseExact(rest[^(InstantSuffix - 1)..], InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? rest[..^InstantSuffix]
                : rest;
    }
}
