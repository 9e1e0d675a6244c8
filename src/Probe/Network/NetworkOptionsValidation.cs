using System.Globalization;
using System.Text.RegularExpressions;
using LiveRoom.Contracts.Uplink;
using LiveRoom.Probe.Sinks;

namespace LiveRoom.Probe.Network;

/// <summary>Start-time checks of <see cref="NetworkOptions"/> (section <c>Probe:Network</c>), for the worker's options validator.</summary>
public static partial class NetworkOptionsValidation
{
    public const string Section = "Probe:Network";

    public static void Validate(NetworkOptions o, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(failures);
        if (o.Interface.Length > 0 && !InterfaceName().IsMatch(o.Interface))
        {
            failures.Add($"{Section}:Interface '{o.Interface}' is not an interface name; allowed: empty (the default route's) or 1-15 of letters, digits, '-', '_', '.', ':', '@'");
        }

        if (o.IngestHost.Length > 0 && Uri.CheckHostName(o.IngestHost) == UriHostNameType.Unknown)
        {
            failures.Add($"{Section}:IngestHost '{o.IngestHost}' is not a host name or address");
        }

        if (o.IngestPort is < 1 or > 65535)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:IngestPort is {o.IngestPort}; allowed 1-65535, default {NetworkDefaults.IngestPort}"));
        }

        OptionRules.Duration(failures, Section + ":SampleInterval", o.SampleInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1), NetworkDefaults.SampleInterval);
        OptionRules.Duration(failures, Section + ":RttInterval", o.RttInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), NetworkDefaults.RttInterval);
        OptionRules.Number(failures, Section + ":RttAttempts", o.RttAttempts, 1, 20, NetworkDefaults.RttAttempts);
        OptionRules.Duration(failures, Section + ":RttTimeout", o.RttTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10), NetworkDefaults.RttTimeout);
        if (o.RttAttempts * o.RttTimeout > o.RttInterval)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}: RttAttempts x RttTimeout ({o.RttAttempts} x {o.RttTimeout:c}) exceeds RttInterval ({o.RttInterval:c}); a probe must fit in its interval"));
        }

        OptionRules.OptionalUrl(failures, Section + ":UplinkUrl", o.UplinkUrl, "http", "https");
        OptionRules.Duration(failures, Section + ":ClockSyncInterval", o.ClockSyncInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), NetworkDefaults.ClockSyncInterval);
        OptionRules.Duration(failures, Section + ":UplinkTestDuration", o.UplinkTestDuration, TimeSpan.FromSeconds(1), UplinkSink.DefaultMaxDuration, NetworkDefaults.UplinkTestDuration);
        OptionRules.Number(failures, Section + ":MinUplinkMbps", o.MinUplinkMbps, 0.1, 10_000, NetworkDefaults.MinUplinkMbps);
        OptionRules.Number(failures, Section + ":HeadroomPercent", o.HeadroomPercent, 0, 200, NetworkDefaults.HeadroomPercent);
    }

    // IFNAMSIZ is 16 including the terminating NUL.
    [GeneratedRegex("^[A-Za-z0-9_.:@-]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex InterfaceName();
}
