namespace LiveRoom.Probe.Network;

/// <summary>Which NIC carries the room's uplink.</summary>
public static class InterfaceSelector
{
    public const string Loopback = "lo";

    /// <summary>
    /// The configured interface when set (null if absent); else the default route's interface when present; else the
    /// non-loopback interface that moved the most bytes.
    /// </summary>
    public static string? Select(string configured, IReadOnlyList<NicCounters> interfaces, string? defaultRouteInterface)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return interfaces.Any(i => i.Name == configured) ? configured : null;
        }

        if (defaultRouteInterface is not null && interfaces.Any(i => i.Name == defaultRouteInterface))
        {
            return defaultRouteInterface;
        }

        return interfaces.Where(i => i.Name != Loopback)
            .OrderByDescending(i => (decimal)i.RxBytes + i.TxBytes)
            .Select(i => i.Name)
            .FirstOrDefault();
    }
}
