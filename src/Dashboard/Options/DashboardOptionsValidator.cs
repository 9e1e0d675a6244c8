using LiveRoom.Contracts.Topics;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Options;

/// <summary>Checks the options at start; every message names the key and what is allowed (STYLE.md rule 6).</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    private const string Prefix = DashboardDefaults.Section + ":";

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var errors = new List<string>();
        ValidateInflux(options.Influx, errors);
        var collectors = string.IsNullOrWhiteSpace(options.AlertsUrl) ? [] : options.AlertsUrl.Split(',', StringSplitOptions.TrimEntries);
        foreach (var url in collectors)
        {
            if (!(Uri.TryCreate(url, UriKind.Absolute, out var alerts) && alerts.Scheme is "http" or "https"))
            {
                errors.Add($"{Prefix}AlertsUrl '{url}' must be an absolute http(s) URL of a collector's alert listener (several: separated by commas)");
            }
        }

        if (options.AlertsAdminToken is { Length: > 0 and < 32 })
        {
            errors.Add($"{Prefix}AlertsAdminToken must be at least 32 characters, as the collector's Ingest:Alerts:AdminToken (or empty: no alert settings)");
        }

        CheckRange(errors, "LiveWindow", options.LiveWindow, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1));
        CheckRange(errors, "StaleAfter", options.StaleAfter, TimeSpan.FromSeconds(2), options.LiveWindow);
        CheckRange(errors, "LivePushInterval", options.LivePushInterval, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1));
        var security = options.Security;
        CheckRange(errors, "Security:IdleTimeout", security.IdleTimeout, TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        CheckRange(errors, "Security:AbsoluteTimeout", security.AbsoluteTimeout, TimeSpan.FromMinutes(5), TimeSpan.FromDays(30));
        CheckRange(errors, "Security:FailureWindow", security.FailureWindow, TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        CheckRange(errors, "Security:LockoutDuration", security.LockoutDuration, TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        CheckCount(errors, "Security:MaxFailuresPerUser", security.MaxFailuresPerUser, 1, 100);
        CheckCount(errors, "Security:MaxFailuresPerIp", security.MaxFailuresPerIp, 1, 1000);

        CheckRange(errors, "ImportHorizon", options.ImportHorizon, TimeSpan.FromDays(1), TimeSpan.FromDays(366));
        var mqtt = options.Mqtt;
        CheckCount(errors, "Mqtt:Port", mqtt.Port, 1, 65535);
        CheckRange(errors, "Mqtt:PublishTimeout", mqtt.PublishTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        CheckRange(errors, "Mqtt:RefreshInterval", mqtt.RefreshInterval, TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        if (mqtt.Enabled && string.IsNullOrWhiteSpace(mqtt.ClientId))
        {
            errors.Add($"{Prefix}Mqtt:ClientId is empty; give the dashboard's MQTT client id, e.g. {DashboardDefaults.MqttClientId}");
        }
        else if (mqtt.Enabled && !Topic.IsTopicLevel(mqtt.ClientId))
        {
            errors.Add($"{Prefix}Mqtt:ClientId '{mqtt.ClientId}' contains '/', '+' or '#': the dashboard announces itself on {Topic.DashboardInstancePrefix}<client id>, which must be one topic level");
        }

        if (mqtt.Password is not null && string.IsNullOrEmpty(mqtt.Username))
        {
            errors.Add($"{Prefix}Mqtt:Password is set but {Prefix}Mqtt:Username is not");
        }

        if (mqtt.Enabled && !string.IsNullOrEmpty(mqtt.CaFile) && !File.Exists(mqtt.CaFile))
        {
            errors.Add($"{Prefix}Mqtt:CaFile '{mqtt.CaFile}' does not exist");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// The <c>Dashboard:Influx</c> settings: the dashboard at start and <c>liveroom-dashboard rollup</c> check them
    /// the same way.
    /// </summary>
    internal static void ValidateInflux(InfluxOptions influx, List<string> errors)
    {
        ValidateUrl(influx.Url, errors);
        if (!IsInfluxIdentifier(influx.Database))
        {
            errors.Add($"{Prefix}Influx:Database '{influx.Database}' must be 1-64 letters, digits, '-', '_' or '.'");
        }

        if (!IsInfluxIdentifier(influx.RetentionPolicy))
        {
            errors.Add($"{Prefix}Influx:RetentionPolicy '{influx.RetentionPolicy}' must be 1-64 letters, digits, '-', '_' or '.'");
        }

        if (influx.Password is not null && string.IsNullOrEmpty(influx.Username))
        {
            errors.Add($"{Prefix}Influx:Password is set but {Prefix}Influx:Username is not");
        }

        CheckRange(errors, "Influx:QueryTimeout", influx.QueryTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
    }

    private static void ValidateUrl(string? url, List<string> errors)
    {
        const string Key = Prefix + "Influx:Url";
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add($"{Key} is required: the InfluxDB v1 HTTP API base URL, e.g. http://127.0.0.1:8086");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add($"{Key} '{url}' is not an absolute http:// or https:// URL, e.g. http://127.0.0.1:8086");
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add($"{Key} must not carry credentials; use {Prefix}Influx:Username and {Prefix}Influx:Password");
        }
    }

    private static void CheckRange(List<string> errors, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{Prefix}{key} is {value:c}; allowed is {min:c} to {max:c}");
        }
    }

    private static void CheckCount(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix}{key} is {value}; allowed is {min} to {max}"));
        }
    }

    /// <summary>An InfluxDB database or retention policy name this project accepts (also checked by <c>backup</c> and <c>restore</c>).</summary>
    internal static bool IsInfluxIdentifier(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= 64
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
