using LiveRoom.Contracts.Topics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace LiveRoom.Ingest.Options;

/// <summary>Checks <see cref="IngestOptions"/> at start; every message names the key and the allowed range.</summary>
public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with <paramref name="options"/>; empty when they are usable.</summary>
    public static List<string> Check(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var influx = options.Influx;
        const string I = IngestDefaults.Section + ":Influx:";
        const string M = IngestDefaults.Section + ":Mqtt:";

        if (influx.RetentionDays < IngestDefaults.MinRetentionDays || influx.RetentionDays > IngestDefaults.MaxRetentionDays)
        {
            failures.Add(Invariant($"{I}RetentionDays is {influx.RetentionDays}; it must be {IngestDefaults.MinRetentionDays}–{IngestDefaults.MaxRetentionDays} days: 60 days of history must be kept (seed clauses 6.2.3 and 7.4.5)"));
        }

        if (!Uri.TryCreate(influx.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{I}Url '{influx.Url}' must be an absolute http:// or https:// URL, e.g. {IngestDefaults.InfluxUrl}");
        }

        Require(failures, string.IsNullOrWhiteSpace(influx.Database), $"{I}Database must not be empty");
        Require(failures, string.IsNullOrWhiteSpace(influx.RetentionPolicy), $"{I}RetentionPolicy must not be empty");
        Range(failures, $"{I}BatchSize", influx.BatchSize, 1, 1_000_000);
        Range(failures, $"{I}MaxConcurrentWrites", influx.MaxConcurrentWrites, 1, 64);
        Range(failures, $"{I}MaxRetryAttempts", influx.MaxRetryAttempts, 0, 100);
        Duration(failures, $"{I}FlushInterval", influx.FlushInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        Duration(failures, $"{I}IdleFlush", influx.IdleFlush, TimeSpan.Zero, influx.FlushInterval);
        Duration(failures, $"{I}RequestTimeout", influx.RequestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        Duration(failures, $"{I}RetryBaseDelay", influx.RetryBaseDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        Duration(failures, $"{I}RetryMaxDelay", influx.RetryMaxDelay, influx.RetryBaseDelay, TimeSpan.FromHours(1));
        Duration(failures, $"{I}DrainProbeInterval", influx.DrainProbeInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        if (influx.SpillSegmentBytes < 1024 * 1024)
        {
            failures.Add(Invariant($"{I}SpillSegmentBytes is {influx.SpillSegmentBytes}; it must be at least 1048576 (1 MiB)"));
        }

        Require(failures, string.IsNullOrWhiteSpace(options.Mqtt.Host), $"{M}Host must not be empty");
        Range(failures, $"{M}Port", options.Mqtt.Port, 1, 65535);
        Require(failures, string.IsNullOrWhiteSpace(options.Mqtt.ClientId), $"{M}ClientId must not be empty (the persistent session needs a fixed id)");
        Require(failures, !string.IsNullOrWhiteSpace(options.Mqtt.ClientId) && !Topic.IsTopicLevel(options.Mqtt.ClientId), $"{M}ClientId '{options.Mqtt.ClientId}' contains '/', '+' or '#': the watchdog announces itself on {Topic.WatchdogInstancePrefix}<client id>-watchdog, which must be one topic level");
        Require(failures, string.IsNullOrWhiteSpace(options.StateDirectory), $"{IngestDefaults.Section}:StateDirectory must not be empty");
        Range(failures, $"{IngestDefaults.Section}:Workers", options.Workers, 1, 64);
        Range(failures, $"{IngestDefaults.Section}:QueueCapacity", options.QueueCapacity, 1, 1_000_000);
        Range(failures, $"{IngestDefaults.Section}:MaxPendingSequences", options.MaxPendingSequences, 1_000, 100_000_000);
        Duration(failures, $"{IngestDefaults.Section}:AckInterval", options.AckInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        Duration(failures, $"{IngestDefaults.Section}:StatsInterval", options.StatsInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Alerts.AlertOptionsValidator.Check(options.Alerts, failures);
        CheckStandby(options, failures);
        CheckUplink(options.Uplink, failures);
        return failures;
    }

    private static void CheckUplink(Uplink.UplinkOptions uplink, List<string> failures)
    {
        const string U = IngestDefaults.Section + ":Uplink:";
        Range(failures, $"{U}MaxConcurrent", uplink.MaxConcurrent, 1, 256);
        Duration(failures, $"{U}MaxDuration", uplink.MaxDuration, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        if (string.IsNullOrEmpty(uplink.Url))
        {
            return;
        }

        // Kestrel listens on scheme://host:port; a path here would look like a prefix that is not served.
        if (!Uri.TryCreate(uplink.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.AbsolutePath != "/" || url.Query.Length > 0)
        {
            failures.Add($"{U}Url '{uplink.Url}' must be an http:// or https:// address without a path, e.g. http://0.0.0.0:5082 (edges then use http://<this host>:5082/uplink; empty: no endpoint)");
            return;
        }

        Security.HttpsCertificate.Check(U, "Url", uplink.Url, uplink.CertFile, uplink.KeyFile, "the uplink endpoint", failures);
    }

    private static void CheckStandby(IngestOptions options, List<string> failures)
    {
        var instance = options.Standby.Instance;
        if (!options.Standby.Enabled)
        {
            return;
        }

        // The name goes into MQTT client ids and the heartbeat's JSON as it is.
        if (string.IsNullOrEmpty(instance) || instance.Length > 64 || !instance.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            failures.Add($"{IngestDefaults.Section}:Standby:Instance '{instance}' must be 1–64 letters, digits, '.', '_' or '-' (a name unique among the collectors)");
        }
    }

    private static void Require(List<string> failures, bool failed, string message)
    {
        if (failed)
        {
            failures.Add(message);
        }
    }

    private static void Range(List<string> failures, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            failures.Add(Invariant($"{key} is {value}; it must be {min}–{max}"));
        }
    }

    private static void Duration(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add(Invariant($"{key} is {value}; it must be {min}–{max}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
