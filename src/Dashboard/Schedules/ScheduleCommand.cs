using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Options;
using LiveRoom.Dashboard.Schedules.Import;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>
/// <c>liveroom-dashboard schedule import --site S --file F.ics|F.csv [--time-zone Z --rooms a,b]</c>: imports a calendar
/// into the configuration store from the command line (a nightly export from the booking system, the demo's shows).
/// With <c>--time-zone</c> the site is created when missing, and <c>--rooms</c> adds missing rooms. The same rules as the
/// API: a malformed line or an overlap imports nothing, and importing the same calendar again is a sync (shows updated
/// in place, stale future occurrences removed; it prints the counts). The dashboard pushes the schedules to the edges
/// when it starts (and hourly), so run this before starting it or let the hourly refresh carry it.
/// </summary>
internal static class ScheduleCommand
{
    public const string Usage =
        "usage: liveroom-dashboard schedule import --site SITE --file FILE.ics|FILE.csv [--time-zone IANA --rooms ROOM,ROOM] [--Dashboard:Store:Path=FILE]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "schedule";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        if (args.Length < 2 || args[1] != "import")
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] is "--site" or "--file" or "--time-zone" or "--rooms" && i + 1 < args.Length)
            {
                flags[args[i]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var siteId = flags.GetValueOrDefault("--site");
        if (!Identifier.IsValid(siteId, out var siteProblem))
        {
            stderr.WriteLine($"liveroom-dashboard: --site: {(siteId is null ? "missing" : siteProblem)}. {Usage}");
            return 2;
        }

        if (!flags.TryGetValue("--file", out var file) || MediaType(file) is not { } mediaType)
        {
            stderr.WriteLine($"liveroom-dashboard: --file: {(file is null ? "missing" : $"'{file}' is neither .ics nor .csv")}. {Usage}");
            return 2;
        }

        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"liveroom-dashboard: cannot read {file}: {ex.Message}");
            return 2;
        }

        var sqlite = CommandLineStore.Open(rest);
        var store = new ScheduleStore(sqlite);
        if (Prepare(store, siteId!, flags, stderr) is not { } site)
        {
            return 2;
        }

        if (!TimeZones.TryResolve(site.TimeZone, out var zone, out _, out var zoneProblem))
        {
            stderr.WriteLine($"liveroom-dashboard: site '{site.Id}': {zoneProblem}");
            return 2;
        }

        var outcome = new ScheduleImporter(store).Import(site, zone, mediaType, text, time.GetUtcNow(), DashboardDefaults.ImportHorizon);
        if (outcome.Error is not null)
        {
            stderr.WriteLine($"liveroom-dashboard: {file}: {outcome.Error}");
            return 1;
        }

        var sync = outcome.Sync!;
        new AuditLog(sqlite, time, NullLogger<AuditLog>.Instance)
            .Write("(command line)", null, ScheduleAuditActions.ShowImport, site.Id, "ok", $"{sync.Counts()} from {Path.GetFileName(file)}");
        stdout.WriteLine($"imported {Path.GetFileName(file)} into site '{site.Id}' in {sqlite.Path}: {sync.Counts()}");
        return 0;
    }

    private static SiteRecord? Prepare(ScheduleStore store, string siteId, Dictionary<string, string> flags, TextWriter stderr)
    {
        var site = store.FindSite(siteId);
        if (site is null)
        {
            if (!flags.TryGetValue("--time-zone", out var zoneName))
            {
                stderr.WriteLine($"liveroom-dashboard: site '{siteId}' does not exist; give --time-zone to create it. {Usage}");
                return null;
            }

            if (!TimeZones.TryResolve(zoneName, out _, out var iana, out var reason))
            {
                stderr.WriteLine($"liveroom-dashboard: --time-zone: {reason}");
                return null;
            }

            store.TryCreateSite(new SiteRecord(siteId, siteId, iana, []));
            site = store.FindSite(siteId)!;
        }

        foreach (var room in flags.GetValueOrDefault("--rooms", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Identifier.IsValid(room, out var reason))
            {
                stderr.WriteLine($"liveroom-dashboard: --rooms: {reason}");
                return null;
            }

            if (store.FindRoom(siteId, room) is null)
            {
                store.TryCreateRoom(new RoomRecord(siteId, room, room));
            }
        }

        return site;
    }

    private static string? MediaType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".ics" => ScheduleImporter.Calendar,
        ".csv" => ScheduleImporter.Csv,
        _ => null,
    };
}
