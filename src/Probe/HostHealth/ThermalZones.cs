using System.Globalization;

namespace LiveRoom.Probe.HostHealth;

/// <summary>
/// CPU temperature from /sys/class/thermal/thermal_zone*/{type,temp} (millidegrees Celsius): a zone of a preferred
/// type (<see cref="HostHealthDefaults.PreferredThermalTypes"/>), else one whose type contains "cpu". Other zones
/// (acpitz, wifi, battery) do not measure the CPU and are not used.
/// </summary>
public static class ThermalZones
{
    /// <summary>The temp file of the CPU's zone and its type, or null when the kernel exposes none.</summary>
    public static (string TempPath, string Type)? FindCpuZone(string thermalRoot)
    {
        if (!Directory.Exists(thermalRoot))
        {
            return null;
        }

        var zones = new List<(string TempPath, string Type)>();
        foreach (var dir in Directory.EnumerateDirectories(thermalRoot, "thermal_zone*").Order(StringComparer.Ordinal))
        {
            try
            {
                var type = File.ReadAllText(Path.Combine(dir, "type")).Trim();
                var temp = Path.Combine(dir, "temp");
                if (File.Exists(temp))
                {
                    zones.Add((temp, type));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A zone that cannot be read is not a candidate.
            }
        }

        foreach (var preferred in HostHealthDefaults.PreferredThermalTypes)
        {
            if (zones.FirstOrDefault(z => z.Type == preferred) is { TempPath: not null } z)
            {
                return z;
            }
        }

        return zones.FirstOrDefault(z => z.Type.Contains("cpu", StringComparison.OrdinalIgnoreCase)) is { TempPath: not null } c ? c : null;
    }

    /// <summary>A temp file's content (millidegrees) in °C.</summary>
    /// <exception cref="FormatException">not an integer.</exception>
    public static double ParseCelsius(string text) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milli)
            ? milli / 1000.0
            : throw new FormatException("not a thermal zone temperature: " + text.Trim());
}
