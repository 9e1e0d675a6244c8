using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Vision;

/// <summary>
/// Central to edge on <c>cmd/reference</c> (issue 5 item 2). <see cref="Capture"/> (not retained): take the current frame
/// as a candidate named <see cref="CaptureId"/> and publish it as a thumbnail. <see cref="Approve"/> (retained, so an
/// edge that was offline gets it): make that candidate, with <see cref="Regions"/>, the room's reference
/// <see cref="Version"/>.
/// </summary>
public sealed record ReferenceCommand
{
    public const string Capture = "capture";
    public const string Approve = "approve";

    [JsonPropertyName("v")]
    public required int V { get; init; }

    [JsonPropertyName("action")]
    public required string Action { get; init; }

    /// <summary>Candidate id: 1–64 letters, digits, '-', '_', '.' (an identifier, so it is safe as a file name).</summary>
    [JsonPropertyName("capture")]
    public required string CaptureId { get; init; }

    /// <summary>For <see cref="Approve"/>: the version the reference becomes (increases with every approval).</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; }

    /// <summary>For <see cref="Approve"/>: the regions marked on the candidate.</summary>
    [JsonPropertyName("regions")]
    public ReferenceRegions? Regions { get; init; }

    /// <summary>Who asked (user name).</summary>
    [JsonPropertyName("by")]
    public required string By { get; init; }

    [JsonPropertyName("ts")]
    public required long Ts { get; init; }
}
