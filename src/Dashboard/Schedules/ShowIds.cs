using System.Security.Cryptography;

namespace LiveRoom.Dashboard.Schedules;

/// <summary>New show ids: "show-" and 16 random hex digits, a valid identifier (it travels in topics and records).</summary>
internal static class ShowIds
{
    public static string New() => "show-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
