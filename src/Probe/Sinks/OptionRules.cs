using System.Globalization;

namespace LiveRoom.Probe.Sinks;

/// <summary>Range checks shared by the Obs, Network and Host option validators; every message names the key, the value, the range and the default.</summary>
internal static class OptionRules
{
    public static void Duration(ICollection<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max, TimeSpan @default)
    {
        if (value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} is {value:c}; allowed {min:c} to {max:c}, default {@default:c}"));
        }
    }

    public static void Number(ICollection<string> failures, string key, double value, double min, double max, double @default)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} is {value}; allowed {min} to {max}, default {@default}"));
        }
    }

    /// <summary>Empty is allowed (the feature is off); else an absolute URI of one of <paramref name="schemes"/>.</summary>
    public static void OptionalUrl(ICollection<string> failures, string key, string value, params string[] schemes)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme, StringComparer.Ordinal) || string.IsNullOrEmpty(uri.Host))
        {
            failures.Add($"{key} '{value}' is not a valid URL; allowed: empty (off) or {string.Join(" or ", schemes.Select(s => s + "://host:port/..."))}");
        }
    }
}
