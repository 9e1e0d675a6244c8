using System.Text.Json;
using LiveRoom.Ingest.Alerts.Store;

namespace LiveRoom.Ingest.Alerts.Replication;

/// <summary>Reads what another collector published (the alert store's JSON conventions).</summary>
internal static class ReplicaJson
{
    /// <summary>False with "not valid {what} JSON: …" when the payload does not parse; the value may still be JSON null.</summary>
    public static bool TryRead<T>(ReadOnlySpan<byte> payload, string what, out T? value, out string? error)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(payload, AlertStore.Json);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            value = null;
            error = $"not valid {what} JSON: {ex.Message}";
            return false;
        }
    }
}
