using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Detection;

namespace LiveRoom.Probe.Vision;

/// <summary>
/// Condition states with N-sample persistence: a condition's event (active, then recovered with its duration) is
/// emitted only after it has held for <c>persist</c> consecutive samples, so one odd frame never raises an alarm.
/// </summary>
internal sealed class PersistentConditions(int persist)
{
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);

    public IEnumerable<string> Active => _states.Where(s => s.Value.Active).Select(s => s.Key);

    public void Update(Condition condition, DateTimeOffset at, List<MetricPoint> events)
    {
        var state = _states.GetValueOrDefault(condition.Type);
        state = condition.Active == state.Active ? state with { Streak = 0 } : state with { Streak = state.Streak + 1 };
        if (state.Streak >= Math.Max(1, persist))
        {
            var ts = at.ToUnixTimeMilliseconds();
            double? duration = condition.Active ? null : (at - state.Since).TotalSeconds;
            events.Add(EventPoints.Create(condition.Type, ts, condition.Message, condition.Value, condition.Threshold, condition.Active, duration));
            state = new State(condition.Active, 0, at);
        }

        _states[condition.Type] = state;
    }

    private readonly record struct State(bool Active, int Streak, DateTimeOffset Since);
}
