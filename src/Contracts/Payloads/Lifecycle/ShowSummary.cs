using System.Text.Json.Serialization;

namespace LiveRoom.Contracts.Payloads.Lifecycle;

/// <summary>The show a state refers to (current or next). Times are UTC Unix milliseconds.</summary>
public sealed record ShowSummary
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("host")]
    public string Host { get; init; } = string.Empty;

    [JsonPropertyName("start")]
    public required long Start { get; init; }

    [JsonPropertyName("end")]
    public required long End { get; init; }

    public static ShowSummary From(ScheduledShow show) =>
        new() { Id = show.Id, Title = show.Title, Host = show.Host, Start = show.Start, End = show.End };
}
