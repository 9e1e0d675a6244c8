using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads;

/// <summary>A payload the collector refused, republished with the reason so nothing is lost silently.</summary>
public sealed record DeadLetter
{
    [JsonPropertyName("v")]
    public required int V { get; init; }

    [JsonPropertyName("topic")]
    public required string Topic { get; init; }

    /// <summary>Stable reason code (see <see cref="Validation.RejectReason"/>), also the last topic level.</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary>What exactly was wrong, for a person.</summary>
    [JsonPropertyName("detail")]
    public required string Detail { get; init; }

    /// <summary>The original payload, Base64 (it may not be text).</summary>
    [JsonPropertyName("payload")]
    public required string PayloadBase64 { get; init; }

    [JsonPropertyName("ts")]
    public required long Ts { get; init; }
}
