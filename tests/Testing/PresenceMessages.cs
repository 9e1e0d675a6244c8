using LiveRoom.Contracts.Payloads;
using LiveRoom.Mqtt;

namespace LiveRoom.Testing;

/// <summary>Checks on received <see cref="ServicePresence"/> messages (a dashboard's or a watchdog's), for tests that watch them.</summary>
public static class PresenceMessages
{
    /// <summary>Whether <paramref name="m"/> is on <paramref name="topic"/> and says <paramref name="state"/>.</summary>
    public static bool Is(MqttMessage m, string topic, string state) =>
        m.Topic == topic && ServicePresence.Parse(topic[..(topic.LastIndexOf('/') + 1)], topic, m.Payload.Span, out _)?.State == state;

    /// <summary>Whether an <c>online</c> on <paramref name="topic"/> came after its last <c>dead</c> (back after the will).</summary>
    public static bool OnlineAfterDead(IReadOnlyList<MqttMessage> received, string topic)
    {
        var dead = received.ToList().FindLastIndex(m => Is(m, topic, ServicePresence.Dead));
        return dead >= 0 && received.Skip(dead + 1).Any(m => Is(m, topic, ServicePresence.Online));
    }
}
