using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;

namespace LiveRoom.Probe.Display;

/// <summary>
/// Turns the room state into what a door sign shows (issue 6 item 4): the bilingual state word, colour, show, times
/// in the site's zone, next show and reason (Chinese before the edge's English, <see cref="DisplayWords"/>), always
/// under <see cref="DisplayMessage.MaxBytes"/> bytes of JSON.
/// </summary>
public static class DisplayComposer
{
    // DateTimeOffset's range less two days, so converting to any zone stays in range.
    private const long MinUnixMs = -62_135_596_800_000L + (2 * 86_400_000L);
    private const long MaxUnixMs = 253_402_300_799_999L - (2 * 86_400_000L);

    /// <summary>Before the time a live, faulty or offline room has been so (bilingual like the rest of the sign: "开始 since 14:02").</summary>
    public const string SinceText = "开始 since ";

    /// <summary>Shown as the message of a live room with no show around now.</summary>
    public const string UnscheduledText = "计划外 unscheduled";

    /// <summary>
    /// The display message for <paramref name="state"/>, with times in <paramref name="zone"/>. Free text is cleaned
    /// (control characters stripped) and the longest fields are cut with "…" until the serialised message fits.
    /// </summary>
    public static DisplayMessage Compose(RoomStateMessage state, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(zone);
        var code = Shorten(DisplayText.Clean(state.State), 32);
        var look = StateLook.Of(code);
        var english = look.English;
        if (code == RoomStates.PreShow && state.Checklist is { Total: > 0 } progress)
        {
            english = string.Create(CultureInfo.InvariantCulture, $"{english} {Math.Clamp(progress.Passed, 0, progress.Total)}/{progress.Total}");
        }

        var fields = new FitField[]
        {
            new(state.Show?.Title), new(state.Show?.Host), new(When(state, code, zone, now)),
            new(Next(state.Next, zone, now)), new(Message(state, code)),
        };
        var message = new DisplayMessage
        {
            V = SchemaVersion.Current,
            State = code,
            Chinese = look.Chinese,
            English = Shorten(english, 32),
            Colour = look.Colour,
            OnAir = look.OnAir,
            Ts = now.ToUnixTimeSeconds(),
        };
        return Fit(message, fields);
    }

    /// <summary>
    /// The display message with times in the state's own zone (<see cref="RoomStateMessage.TimeZone"/>, IANA); UTC
    /// when this machine does not know that zone.
    /// </summary>
    public static DisplayMessage Compose(RoomStateMessage state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Compose(state, TimeZoneInfo.TryFindSystemTimeZoneById(state.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc, now);
    }

    /// <summary>The message as UTF-8 JSON (the retained <c>display</c> payload), at most <see cref="DisplayMessage.MaxBytes"/> bytes.</summary>
    public static byte[] Serialize(DisplayMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, Compact.DisplayMessage);

    /// <summary>
    /// Writes non-ASCII text as UTF-8, not <c>\uXXXX</c>: a Chinese character costs 3 bytes instead of 6, so twice the
    /// title fits a sign's 512 bytes. The payload goes to MQTT and to the sign's own parser, never into HTML unescaped;
    /// quotes, backslashes and control characters are still escaped.
    /// </summary>
    private static readonly ContractsJsonContext Compact = new(new JsonSerializerOptions
    {
        RespectRequiredConstructorParameters = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static DisplayMessage Fit(DisplayMessage message, FitField[] fields)
    {
        while (true)
        {
            var fitted = message with { Title = fields[0].Text, Host = fields[1].Text, When = fields[2].Text, Next = fields[3].Text, Message = fields[4].Text };
            var excess = Serialize(fitted).Length - DisplayMessage.MaxBytes;
            if (excess <= 0)
            {
                return fitted;
            }

            // Cut the longest field, but not below the next longest: long fields shrink together, short ones stay whole.
            var ordered = fields.OrderByDescending(f => f.Cost).ToArray();
            if (ordered[0].Cost == 0)
            {
                throw new InvalidOperationException($"display message for state '{message.State}' exceeds {DisplayMessage.MaxBytes} bytes with every free-text field empty");
            }

            var target = Math.Max(ordered[1].Cost, ordered[0].Cost - excess);
            ordered[0].CutTo(Math.Min(target, ordered[0].Cost - 1));
        }
    }

    private static string When(RoomStateMessage state, string code, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (code is RoomStates.Live or RoomStates.Fault or RoomStates.Offline)
        {
            return state.Since > 0 ? SinceText + Clock(state.Since, zone, now) : string.Empty;
        }

        if (state.Show is not { } show)
        {
            return string.Empty;
        }

        var start = Local(show.Start, zone);
        var end = Local(show.End, zone);
        return Clock(show.Start, zone, now) + "–" + end.ToString("HH:mm", CultureInfo.InvariantCulture) + (end.Date != start.Date ? " (+1)" : string.Empty);
    }

    private static string Next(ShowSummary? next, TimeZoneInfo zone, DateTimeOffset now) =>
        next is null ? string.Empty : Clock(next.Start, zone, now) + " " + DisplayText.Clean(next.Title);

    private static string Message(RoomStateMessage state, string code)
    {
        var reason = DisplayText.Clean(state.Reason);
        if (reason.Length > 0)
        {
            return DisplayWords.Bilingual(reason);
        }

        if (code is RoomStates.NotReady or RoomStates.Fault or RoomStates.PreShow && state.Checklist is { Failing.Count: > 0 } c)
        {
            return DisplayWords.Bilingual(DisplayText.Clean(c.Failing[0]));
        }

        return code == RoomStates.Live && state.Unscheduled ? UnscheduledText : string.Empty;
    }

    /// <summary>"HH:mm" in the zone, with "MM-dd " in front when it is not today there.</summary>
    private static string Clock(long unixMs, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = Local(unixMs, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var format = local.Date == today ? "HH:mm" : "MM-dd HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset Local(long unixMs, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(unixMs, MinUnixMs, MaxUnixMs)), zone);

    private static string Shorten(string text, int max)
    {
        var (elements, cut) = DisplayText.Elements(text, max);
        return cut ? string.Concat(elements) : text;
    }
}
