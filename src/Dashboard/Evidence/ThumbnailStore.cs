using System.Globalization;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Evidence;

/// <summary>
/// The central evidence store (issue 5 item 5): <c>{site}/{room}/{yyyy-MM-dd}/{ts}-{reason}[.{capture}].jpg</c> under
/// <see cref="Root"/> (UTC days), written temp-then-rename. Day directories older than the retention are removed by
/// <see cref="Sweep"/>. Site, room, reason and capture are checked identifiers, so a name never leaves its directory.
/// </summary>
internal sealed class ThumbnailStore(IOptions<EvidenceOptions> evidence, IOptions<DashboardOptions> dashboard)
{
    // Read on first use, not at construction: options are validated at start, and a bad one must end the process with its message.
    private readonly Lazy<string> _root = new(() => RootOf(evidence.Value, dashboard.Value.Store));

    public string Root => _root.Value;

    /// <summary>Where the thumbnails are: <c>Dashboard:Evidence:Directory</c>, else <c>thumbnails</c> next to the store's file (also read by <c>backup</c>).</summary>
    internal static string RootOf(EvidenceOptions evidence, StoreOptions store) => System.IO.Path.GetFullPath(
        evidence.Directory is { Length: > 0 } dir
            ? dir
            : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(store.ResolvedPath) ?? ".", EvidenceDefaults.DirectoryName));

    public TimeSpan Retention => TimeSpan.FromDays(evidence.Value.RetentionDays);

    public string Save(ThumbnailMessage m)
    {
        var day = System.IO.Path.Combine(Root, m.Site, m.Room, Day(m.Ts));
        Directory.CreateDirectory(day);
        var path = System.IO.Path.Combine(day, NameOf(m.Ts, m.Reason, m.Capture));
        File.WriteAllBytes(path + ".tmp", m.Jpeg);
        File.Move(path + ".tmp", path, overwrite: true);
        return path;
    }

    /// <summary>Thumbnails of a room from <paramref name="from"/> to <paramref name="to"/>, oldest first, at most <paramref name="limit"/> (the newest kept).</summary>
    public IReadOnlyList<ThumbnailEntry> List(string site, string room, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        var roomDir = System.IO.Path.Combine(Root, site, room);
        if (!Directory.Exists(roomDir))
        {
            return [];
        }

        var (first, last) = (Day(from.ToUnixTimeMilliseconds()), Day(to.ToUnixTimeMilliseconds()));
        var entries = new List<ThumbnailEntry>();
        foreach (var day in Directory.EnumerateDirectories(roomDir).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (string.CompareOrdinal(day, first) < 0 || string.CompareOrdinal(day, last) > 0)
            {
                continue;
            }

            foreach (var file in JpegsIn(System.IO.Path.Combine(roomDir, day!)))
            {
                if (Parse(site, room, file) is { } e && e.Ts >= from.ToUnixTimeMilliseconds() && e.Ts <= to.ToUnixTimeMilliseconds())
                {
                    entries.Add(e);
                }
            }
        }

        return [.. entries.OrderBy(e => e.Ts).ThenBy(e => e.Name, StringComparer.Ordinal).TakeLast(limit)];
    }

    /// <summary>The newest thumbnail of a room whose reason is (or, with <paramref name="candidates"/> false, is not) a reference candidate.</summary>
    public ThumbnailEntry? Latest(string site, string room, bool candidates)
    {
        var roomDir = System.IO.Path.Combine(Root, site, room);
        if (!Directory.Exists(roomDir))
        {
            return null;
        }

        foreach (var day in Directory.EnumerateDirectories(roomDir).OrderDescending(StringComparer.Ordinal))
        {
            var newest = JpegsIn(day)
                .Select(f => Parse(site, room, f))
                .Where(e => e is not null && (e.Reason == ThumbnailReasons.ReferenceCandidate) == candidates)
                .MaxBy(e => e!.Ts);
            if (newest is not null)
            {
                return newest;
            }
        }

        return null;
    }

    /// <summary>The file of a listed name, or null when the name is not one of ours or the file is gone.</summary>
    public string? PathOf(string site, string room, string name)
    {
        if (!TryParseName(name, out var ts, out _, out _))
        {
            return null;
        }

        var path = System.IO.Path.Combine(Root, site, room, Day(ts), name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Whether a reference candidate with this capture id was received from the room.</summary>
    public bool HasCandidate(string site, string room, string capture)
    {
        var roomDir = System.IO.Path.Combine(Root, site, room);
        return Directory.Exists(roomDir)
            && Directory.EnumerateFiles(roomDir, "*-" + ThumbnailReasons.ReferenceCandidate + "." + capture + ".jpg", SearchOption.AllDirectories).Any();
    }

    /// <summary>Removes every day directory wholly older than the retention; returns how many.</summary>
    public int Sweep(DateTimeOffset now)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var keepFrom = Day((now - Retention).ToUnixTimeMilliseconds());
        var removed = 0;
        foreach (var day in Directory.EnumerateDirectories(Root, "????-??-??", SearchOption.AllDirectories).ToList())
        {
            if (string.CompareOrdinal(System.IO.Path.GetFileName(day), keepFrom) < 0)
            {
                Directory.Delete(day, recursive: true);
                removed++;
            }
        }

        return removed;
    }

    internal static string NameOf(long ts, string reason, string? capture) =>
        string.Create(CultureInfo.InvariantCulture, $"{ts}-{reason}{(capture is null ? string.Empty : "." + capture)}.jpg");

    internal static bool TryParseName(string name, out long ts, out string reason, out string? capture)
    {
        (ts, reason, capture) = (0, string.Empty, null);
        if (!name.EndsWith(".jpg", StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var stem = name[..^4];
        var dash = stem.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !long.TryParse(stem[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out ts))
        {
            return false;
        }

        var rest = stem[(dash + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        reason = dot < 0 ? rest : rest[..dot];
        capture = dot < 0 ? null : rest[(dot + 1)..];
        return ThumbnailRules.IsReason(reason) && (capture is null || Identifier.IsValid(capture));
    }

    private static string Day(long ts) => DateTimeOffset.FromUnixTimeMilliseconds(ts).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day's pictures; none when the retention sweep removed the day while it was being listed.</summary>
    private static List<FileInfo> JpegsIn(string dayDir)
    {
        try
        {
            return [.. new DirectoryInfo(dayDir).EnumerateFiles("*.jpg")];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>The entry of one of our pictures; null for another file, or one the retention sweep removed while it was being listed.</summary>
    internal static ThumbnailEntry? Parse(string site, string room, FileInfo file)
    {
        if (!TryParseName(file.Name, out var ts, out var reason, out var capture))
        {
            return null;
        }

        long length;
        try
        {
            length = file.Length;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return new ThumbnailEntry(DateTimeOffset.FromUnixTimeMilliseconds(ts), ts, reason, capture, length, file.Name, $"api/rooms/{site}/{room}/thumbnails/{Uri.EscapeDataString(file.Name)}");
    }
}
