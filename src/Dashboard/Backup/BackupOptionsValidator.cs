using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Backup;

/// <summary>Checks <see cref="BackupOptions"/> when a command starts; each message names the key and what is allowed.</summary>
internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    private const string Prefix = BackupDefaults.Section + ":";

    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var errors = new List<string>();
        if (!RpcAddress.TryParse(options.InfluxRpc, out _, out _))
        {
            errors.Add($"{Prefix}InfluxRpc '{options.InfluxRpc}' must be HOST:PORT with a port 1 to 65535, e.g. {BackupDefaults.InfluxRpc} (influxd's bind-address)");
        }

        if (string.IsNullOrWhiteSpace(options.Influxd))
        {
            errors.Add($"{Prefix}Influxd is empty; give the influxd program, default {BackupDefaults.Influxd}");
        }

        if (options.InfluxTimeout < BackupDefaults.MinInfluxTimeout || options.InfluxTimeout > BackupDefaults.MaxInfluxTimeout)
        {
            errors.Add($"{Prefix}InfluxTimeout is {options.InfluxTimeout:c}; allowed is {BackupDefaults.MinInfluxTimeout:c} to {BackupDefaults.MaxInfluxTimeout:c}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The database name as the commands pass it to influxd: the same rule as the dashboard's.</summary>
    public static string? CheckDatabase(string key, string? database) =>
        DashboardOptionsValidator.IsInfluxIdentifier(database)
            ? null
            : $"{key} '{database}' must be 1-64 letters, digits, '-', '_' or '.'";
}
