using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Text;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Alerts.Store;

namespace LiveRoom.Ingest.Alerts.Replication;

/// <summary>
/// The alert configuration the active collector hands to its standbys (seed clause 4.3): rules, rota and the silences
/// not yet expired, retained on <see cref="AlertDefaults.ConfigurationTopic"/>. <see cref="Revision"/> counts the
/// changes (each change made through the admin API adds one to the highest revision the collector has seen), so a
/// standby keeps the newest whatever the machines' clocks say; <see cref="ChangedAt"/> is for people.
/// </summary>
public sealed record AlertConfiguration
{
    public const int CurrentVersion = 1;

    public int V { get; init; } = CurrentVersion;

    /// <summary>The collector that published it.</summary>
    public string? Instance { get; init; }

    /// <summary>0 for a store nobody has changed (the shipped rules, no rota).</summary>
    public long Revision { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }

    public IReadOnlyList<AlertRule> Rules { get; init; } = [];

    public IReadOnlyList<RotaEntry> Rota { get; init; } = [];

    public IReadOnlyList<Silence> Silences { get; init; } = [];

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, AlertStore.Json);

    /// <summary>Reads a published configuration; null with the reason when the payload is not one this collector can use.</summary>
    public static AlertConfiguration? Parse(ReadOnlySpan<byte> payload, out string? error)
    {
        if (!ReplicaJson.TryRead<AlertConfiguration>(payload, "alert configuration", out var configuration, out error))
        {
            return null;
        }

        error = configuration switch
        {
            null => "the payload is JSON null",
            { V: not CurrentVersion } => $"schema version {configuration.V}; this collector reads version {CurrentVersion}",
            { Rules: null } or { Rota: null } or { Silences: null } => "rules, rota and silences must all be lists",
            { Revision: < 0 } => $"revision {configuration.Revision} is negative",
            _ when configuration.Rules.Any(r => r is null) || configuration.Rota.Any(r => r is null) || configuration.Silences.Any(s => s is null) => "a list holds null",
            _ => null,
        };
        return error is null ? configuration : null;
    }

    /// <summary>Why this configuration cannot be applied (every rule, silence and rota entry checked as the admin API checks it); empty when it can.</summary>
    public IReadOnlyList<LocalText> Check() =>
    [
        .. Rules.SelectMany(RuleValidator.Check),
        .. Rules.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => new LocalText(
            string.Create(CultureInfo.InvariantCulture, $"rule '{g.Key}' appears {g.Count()} times"),
            string.Create(CultureInfo.InvariantCulture, $"规则“{g.Key}”出现了 {g.Count()} 次"))),
        .. Silences.SelectMany(SilenceValidator.Check),
        .. RotaRules.Check(Rota),
    ];
}
