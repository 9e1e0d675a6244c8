using System.Text.Json;

namespace LiveRoom.Probe.Obs;

/// <summary>
/// One RequestResponse (op 7): the requestStatus, and the responseData (cloned: valid after the message buffer is
/// reused). A refused request (result false) is a result, not an exception.
/// </summary>
internal sealed record ObsRequestResult(string RequestType, bool Ok, int Code, string? Comment, JsonElement? Data)
{
    public string Describe() =>
        Comment is { Length: > 0 } c ? $"{RequestType}: {ObsProtocol.StatusName(Code)}: {c}" : $"{RequestType}: {ObsProtocol.StatusName(Code)}";
}
