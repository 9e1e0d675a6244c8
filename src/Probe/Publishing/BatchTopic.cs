using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Topics;

namespace LiveRoom.Probe.Publishing;

/// <summary>Where a batch goes: <c>events</c> or <c>checklist</c> when it holds only those, <c>metrics/{kind}</c> for one kind, <c>metrics/batch</c> when mixed.</summary>
internal static class BatchTopic
{
    public static string For(string site, string room, IReadOnlyList<MetricPoint> points)
    {
        var kind = points[0].Kind;
        for (var i = 1; i < points.Count; i++)
        {
            if (!string.Equals(points[i].Kind, kind, StringComparison.Ordinal))
            {
                return Topic.Metrics(site, room, Topic.MixedKinds);
            }
        }

        return kind switch
        {
            MetricKind.Event => Topic.Events(site, room),
            MetricKind.Checklist => Topic.Checklist(site, room),
            _ => Topic.Metrics(site, room, kind),
        };
    }
}
