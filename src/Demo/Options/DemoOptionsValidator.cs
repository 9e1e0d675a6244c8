using System.Globalization;
using LiveRoom.Contracts.Topics;
using Microsoft.Extensions.Options;

namespace LiveRoom.Demo.Options;

/// <summary>Checks the options at start; each message names the switch and the allowed range.</summary>
internal sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var errors = new List<string>();
        if (options.Rooms is < 1 or > DemoDefaults.MaxRooms)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"--rooms (Demo:Rooms) is {options.Rooms}; allowed is 1 to {DemoDefaults.MaxRooms}"));
        }

        if (!Identifier.IsValid(options.Site, out var reason))
        {
            errors.Add($"--site (Demo:Site): {reason}");
        }

        if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            errors.Add("--state (Demo:StateDirectory) is required");
        }

        if (string.IsNullOrWhiteSpace(options.BinDirectory))
        {
            errors.Add("--bin (Demo:BinDirectory) is required");
        }

        if (options.DashboardPort is < 0 or > 65535)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"--dashboard-port (Demo:DashboardPort) is {options.DashboardPort}; allowed is 0 (free port) to 65535"));
        }

        if (options.VideoBitrateKbps is < 500 or > 50_000)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Demo:VideoBitrateKbps is {options.VideoBitrateKbps}; allowed is 500 to 50000"));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
