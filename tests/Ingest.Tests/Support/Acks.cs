using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;

namespace LiveRoom.Ingest.Tests.Support;

internal static class Acks
{
    /// <summary>The highest acknowledged seq published for an edge (0 when none).</summary>
    public static long Latest(IEnumerable<MqttMessage> published, string site, string room, string edge) =>
        published
            .Where(m => m.Topic == Topic.Ack(site, room))
            .Select(m => JsonSerializer.Deserialize(m.Payload.Span, ContractsJsonContext.Default.AckMessage)!)
            .Where(a => a.Edge == edge)
            .Select(a => a.Seq)
            .DefaultIfEmpty(0)
            .Max();

    public static IEnumerable<DeadLetter> DeadLetters(IEnumerable<MqttMessage> published) =>
        published
            .Where(m => m.Topic.StartsWith(Topic.DeadLetterRoot + "/", StringComparison.Ordinal))
            .Select(m => JsonSerializer.Deserialize(m.Payload.Span, ContractsJsonContext.Default.DeadLetter)!);
}
