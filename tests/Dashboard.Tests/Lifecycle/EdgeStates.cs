using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;

namespace LiveRoom.Dashboard.Tests.Lifecycle;

/// <summary>What a room's edge publishes (retained) about itself, as the tests' edges publish it: its status and its state.</summary>
internal static class EdgeStates
{
    public static byte[] Status(string site, string room, string status) => JsonSerializer.SerializeToUtf8Bytes(
        new StatusMessage { V = SchemaVersion.Current, Site = site, Room = room, Status = status, Ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Seq = 1 },
        ContractsJsonContext.Default.StatusMessage);

    public static byte[] State(string site, string room, string state, string reason = "", ShowSummary? show = null, string timeZone = "UTC")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return JsonSerializer.SerializeToUtf8Bytes(
            new RoomStateMessage { V = SchemaVersion.Current, Site = site, Room = room, Ts = now, State = state, Since = now, Reason = reason, Show = show, TimeZone = timeZone },
            ContractsJsonContext.Default.RoomStateMessage);
    }
}
