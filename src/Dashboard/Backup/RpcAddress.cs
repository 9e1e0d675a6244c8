using System.Globalization;

namespace LiveRoom.Dashboard.Backup;

/// <summary>influxd's <c>HOST:PORT</c> (<c>[::1]:8088</c> for IPv6), as <c>-host</c> takes it.</summary>
internal static class RpcAddress
{
    public static bool TryParse(string? value, out string host, out int port)
    {
        (host, port) = (string.Empty, 0);
        var colon = value?.LastIndexOf(':') ?? -1;
        if (value is null || colon <= 0)
        {
            return false;
        }

        host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return host.Length > 0
            && !host.Any(c => char.IsWhiteSpace(c) || c is '/' or '[' or ']' or '@')
            && (!host.Contains(':', StringComparison.Ordinal) || value.StartsWith('['))
            && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is >= 1 and <= 65535;
    }
}
