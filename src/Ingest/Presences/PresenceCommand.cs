using LiveRoom.Ingest.Options;
using LiveRoom.Mqtt;
using LiveRoom.Runtime.Hosting;
using Microsoft.Extensions.Configuration;

namespace LiveRoom.Ingest.Presences;

/// <summary>
/// <c>liveroom-ingest presence list</c> and <c>liveroom-ingest presence retire collector|dashboard|watchdog INSTANCE
/// [--force]</c>: the retained presences on the broker (decisions 0022, 0026), read and cleared with the collector's
/// account from its configuration (appsettings.json next to the binary, the environment, then <c>--Ingest:Mqtt:…</c>
/// arguments). A machine taken out of service for good leaves its last word ("dead", "stopped") retained: the wall
/// warns that no standby is ready, the watchdog counts a dashboard that is gone. Retiring clears it; one that says it
/// runs is refused without <c>--force</c>, since it would announce itself again at its next connect.
/// Exit codes: 0 done, 1 refused or the broker failed, 2 bad arguments.
/// </summary>
internal static class PresenceCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const string UsageText =
        "usage: presence list [--Ingest:Mqtt:Host=HOST ...]\n" +
        "       presence retire collector|dashboard|watchdog INSTANCE [--force] [--Ingest:Mqtt:Host=HOST ...]\n" +
        "  list     every collector's, dashboard's and watchdog's retained presence: instance, state, since when\n" +
        "  retire   clears one presence for good (a machine taken out of service); refused while it says it runs,\n" +
        "           unless --force\n" +
        "  The broker, account and TLS files are the collector's (Ingest:Mqtt in appsettings.json, the environment or\n" +
        "  --Ingest:Mqtt:KEY=VALUE arguments).\n";

    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Func<MqttClientOptions, IMqttClient> clients, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteAsync(UsageText).ConfigureAwait(false);
            return args.Length == 0 ? Usage : Ok;
        }

        var configuration = args.Skip(1).Where(a => a.StartsWith("--Ingest:", StringComparison.Ordinal)).ToList();
        var words = args.Skip(1).Where(a => !a.StartsWith("--Ingest:", StringComparison.Ordinal)).ToList();
        var force = words.Remove("--force");
        PresenceKind? kind = null;
        string? instance = null;
        switch (args[0])
        {
            case "list" when words.Count == 0 && !force:
                break;
            case "retire" when words.Count == 2 && (kind = PresenceKind.Named(words[0])) is not null:
                instance = words[1];
                break;
            case "retire" when words.Count == 2:
                return await UsageErrorAsync(error, $"'{words[0]}' is not a kind of presence; give collector, dashboard or watchdog").ConfigureAwait(false);
            case "list" or "retire":
                return await UsageErrorAsync(error, $"'presence {string.Join(' ', args)}' has the wrong arguments").ConfigureAwait(false);
            default:
                return await UsageErrorAsync(error, $"unknown presence command '{args[0]}'").ConfigureAwait(false);
        }

        var mqtt = new IngestMqttOptions();
        CommandConfiguration.Build(configuration).GetSection(IngestDefaults.Section + ":Mqtt").Bind(mqtt);
        var session = mqtt.Session($"{mqtt.ClientId}-presence-{Environment.ProcessId}");
        try
        {
            await using var board = new PresenceBoard(clients, session, time);
            var presences = await board.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (kind is null)
            {
                await output.WriteLineAsync(presences.Count == 0
                    ? $"no presence is retained on {mqtt.Host}:{mqtt.Port}"
                    : string.Join(Environment.NewLine, presences.Select(p => p.Describe()))).ConfigureAwait(false);
                return Ok;
            }

            var found = presences.FirstOrDefault(p => p.Kind == kind && string.Equals(p.Instance, instance, StringComparison.Ordinal));
            if (found is null)
            {
                var known = presences.Where(p => p.Kind == kind).Select(p => p.Instance).ToList();
                await error.WriteLineAsync(
                    $"liveroom-ingest: no {kind.Name} '{instance}' is retained on {mqtt.Host}:{mqtt.Port}; "
                    + (known.Count == 0 ? $"there is no {kind.Name} presence" : $"{kind.Name}s there: {string.Join(", ", known)}")).ConfigureAwait(false);
                return Failed;
            }

            if (found.Alive && !force)
            {
                await error.WriteLineAsync(
                    $"liveroom-ingest: {kind.Name} '{instance}' says it is {found.State}: stop it first (a running one announces itself again at its next connect), or give --force").ConfigureAwait(false);
                return Failed;
            }

            await board.ClearAsync(found, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"retired {found.Describe().TrimEnd()}").ConfigureAwait(false);
            return Ok;
        }
        catch (MqttException ex)
        {
            await error.WriteLineAsync($"liveroom-ingest: the broker {mqtt.Host}:{mqtt.Port} with the collector's account: {ex.Message}").ConfigureAwait(false);
            return Failed;
        }
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync("liveroom-ingest: " + message).ConfigureAwait(false);
        await error.WriteAsync(UsageText).ConfigureAwait(false);
        return Usage;
    }
}
