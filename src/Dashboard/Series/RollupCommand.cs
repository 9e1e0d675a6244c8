using System.Globalization;
using LiveRoom.Dashboard.Influx;
using LiveRoom.Dashboard.Options;
using LiveRoom.Runtime.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Dashboard.Series;

/// <summary>
/// <c>liveroom-dashboard rollup --from T --to T [--all]</c>: the 1-minute rollup of a range brought up to date by hand,
/// for points stored later than the dashboard's own daily check reaches (<see cref="RollupMaintainer.LateDeepDepth"/>:
/// an edge back after weeks, a restored backup). By default only the room-hours whose raw points cover minutes the
/// rollup lacks are rolled up again (cheap); <c>--all</c> recomputes every minute of the range, which also takes in
/// points stored late into minutes the rollup already had. Times are ISO 8601, UTC unless they name an offset.
/// Other arguments are configuration, e.g. <c>--Dashboard:Influx:Url=http://127.0.0.1:8086</c>.
/// Exit codes: 0 done, 1 failed (one line naming the problem), 2 bad arguments or settings.
/// </summary>
internal static class RollupCommand
{
    public const string Usage =
        "usage: liveroom-dashboard rollup --from TIME --to TIME [--all] [--Dashboard:Influx:Url=URL --Dashboard:Influx:Database=DB]";

    private const int Listed = 20;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "rollup";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (Parse(args, time.GetUtcNow(), out var problem) is not { } arguments)
        {
            await stderr.WriteLineAsync($"liveroom-dashboard: {problem}. {Usage}").ConfigureAwait(false);
            return 2;
        }

        var influx = new InfluxOptions();
        try
        {
            CommandConfiguration.Build(arguments.Configuration).GetSection(DashboardDefaults.Section + ":Influx").Bind(influx);
        }
        catch (InvalidOperationException ex)
        {
            await stderr.WriteLineAsync($"liveroom-dashboard: configuration error: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        var errors = new List<string>();
        DashboardOptionsValidator.ValidateInflux(influx, errors);
        if (errors.Count > 0)
        {
            await stderr.WriteLineAsync($"liveroom-dashboard: configuration error: {string.Join("; ", errors)}").ConfigureAwait(false);
            return 2;
        }

        using var http = new HttpClient { BaseAddress = influx.BaseAddress(), Timeout = influx.QueryTimeout };
        var options = Microsoft.Extensions.Options.Options.Create(new DashboardOptions { Influx = influx });
        using var maintainer = new RollupMaintainer(new InfluxQueryClient(http, options), options, time, NullLogger<RollupMaintainer>.Instance);
        var range = string.Create(CultureInfo.InvariantCulture, $"[{arguments.From:yyyy-MM-ddTHH:mm:ssZ}, {arguments.To:yyyy-MM-ddTHH:mm:ssZ})");
        try
        {
            if (!await maintainer.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                await stderr.WriteLineAsync($"liveroom-dashboard: rollup failed: database '{influx.Database}' has no rollup ('{RollupMaintainer.RetentionPolicy(influx)}'): the dashboard creates it when it first starts with Dashboard:Influx:Rollup on").ConfigureAwait(false);
                return 1;
            }

            if (arguments.All)
            {
                await maintainer.BackfillAsync(arguments.From, arguments.To, cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync($"recomputed the 1-minute rollup of {range} for every room").ConfigureAwait(false);
                return 0;
            }

            var rolled = await maintainer.RollMissingAsync(arguments.From, arguments.To, cancellationToken).ConfigureAwait(false);
            var listed = string.Join(", ", rolled.Take(Listed).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Site}/{r.Room} {r.Hour:yyyy-MM-ddTHH:mm}Z")));
            await stdout.WriteLineAsync(rolled.Count == 0
                ? $"nothing missing: the rollup of {range} holds every minute the raw points have"
                : $"rolled up {rolled.Count} room-hour(s) of {range} that missed minutes: {listed}{(rolled.Count > Listed ? $" and {rolled.Count - Listed} more" : string.Empty)}").ConfigureAwait(false);
            return 0;
        }
        catch (InfluxQueryException ex)
        {
            await stderr.WriteLineAsync($"liveroom-dashboard: rollup failed: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("liveroom-dashboard: rollup interrupted; the hours already rolled up stay, run it again for the rest").ConfigureAwait(false);
            return 1;
        }
    }

    private sealed record Arguments(DateTimeOffset From, DateTimeOffset To, bool All, IReadOnlyList<string> Configuration);

    private static Arguments? Parse(string[] args, DateTimeOffset now, out string? problem)
    {
        DateTimeOffset? from = null, to = null;
        var all = false;
        var configuration = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from" or "--to":
                    if (i + 1 >= args.Length || !TryTime(args[i + 1], out var value))
                    {
                        problem = $"{args[i]} needs a time such as 2026-10-01 or 2026-10-01T08:00:00+08:00{(i + 1 < args.Length ? $" (got '{args[i + 1]}')" : string.Empty)}";
                        return null;
                    }

                    if (args[i] == "--from")
                    {
                        from = value;
                    }
                    else
                    {
                        to = value;
                    }

                    i++;
                    break;
                case "--all":
                    all = true;
                    break;
                case var a when a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal):
                    configuration.Add(a);
                    break;
                default:
                    problem = $"unknown argument '{args[i]}'";
                    return null;
            }
        }

        problem = (from, to) switch
        {
            (null, _) => "--from is missing",
            (_, null) => "--to is missing",
            ({ } f, { } t) when f >= t => "--from must be before --to",
            ({ } f, _) when f >= now => "--from is in the future",
            _ => null,
        };
        return problem is null ? new Arguments(from!.Value, to!.Value < now ? to.Value : now, all, configuration) : null;
    }

    private static bool TryTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
