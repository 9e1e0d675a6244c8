using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.Detection;

/// <summary>
/// Turns condition states into event points on change: one when a condition becomes active, one when it recovers
/// (with how long it lasted). Used on the sampling timer only.
/// </summary>
internal sealed class ConditionTracker(TimeProvider time)
{
    private readonly Dictionary<string, long> _activeSince = new(StringComparer.Ordinal);

    /// <summary>Conditions active now.</summary>
    public IReadOnlyCollection<string> Active => _activeSince.Keys;

    /// <summary>The events for <paramref name="conditions"/> (the types not listed keep their state).</summary>
    public List<MetricPoint> Update(IEnumerable<Condition> conditions, long ts)
    {
        var points = new List<MetricPoint>();
        foreach (var c in conditions)
        {
            if (c.Active && !_activeSince.ContainsKey(c.Type))
            {
                _activeSince[c.Type] = time.GetTimestamp();
                points.Add(EventPoints.Create(c.Type, ts, c.Message, c.Value, c.Threshold, active: true));
            }
            else if (!c.Active && _activeSince.Remove(c.Type, out var since))
            {
                points.Add(EventPoints.Create(c.Type, ts, c.Message, c.Value, c.Threshold, active: false, duration: time.GetElapsedTime(since).TotalSeconds));
            }
        }

        return points;
    }

    /// <summary>Recovers every active condition (the stream stopped: nothing is measured any more).</summary>
    public List<MetricPoint> Clear(long ts, string message)
    {
        var points = new List<MetricPoint>();
        foreach (var (type, since) in _activeSince)
        {
            points.Add(EventPoints.Create(type, ts, message, null, null, active: false, duration: time.GetElapsedTime(since).TotalSeconds));
        }

        _activeSince.Clear();
        return points;
    }
}
