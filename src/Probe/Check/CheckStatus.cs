using System.Text.Json.Serialization;

namespace LiveRoom.Probe.Check;

/// <summary>Outcome of one item of <c>liveroom-probe check</c>.</summary>
public enum CheckStatus
{
    [JsonStringEnumMemberName("pass")]
    Pass,

    [JsonStringEnumMemberName("warn")]
    Warn,

    [JsonStringEnumMemberName("fail")]
    Fail,
}
