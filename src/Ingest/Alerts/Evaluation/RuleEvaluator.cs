using System.Collections.Concurrent;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>
/// Evaluates the rules on the incoming stream (issue 7 item 1): per point one look-up of the rules of its kind, per rule
/// one field look-up and a comparison with hysteresis; only a change of a condition is posted to the
/// <see cref="IConditionSink"/> (the alert engine, which owns <c>for</c>, life cycle and notifications). Thread-safe.
/// </summary>
public sealed class RuleEvaluator : IBatchObserver
{
    private readonly ConcurrentDictionary<(string Site, string Room), RoomConditions> _rooms = new();
    private readonly IConditionSink _sink;
    private readonly TimeProvider _time;
    private volatile CompiledRules _rules;

    public RuleEvaluator(IReadOnlyList<AlertRule> rules, IConditionSink sink, TimeProvider time)
    {
        _rules = new CompiledRules(rules);
        _sink = sink;
        _time = time;
    }

    /// <summary>Replaces the rules (an admin edited them); every room starts over with no active condition.</summary>
    public void SetRules(IReadOnlyList<AlertRule> rules)
    {
        _rules = new CompiledRules(rules);
        _rooms.Clear();
    }

    public IReadOnlyList<AlertRule> Rules => _rules.Rules;

    /// <summary>The rooms' lifecycle states as their edges publish them (feeds <see cref="LifecycleRoomStateProvider"/>).</summary>
    public RoomStateBook States { get; } = new();

    public void OnState(string site, string room, RoomStateMessage state) => States.Set(site, room, state);

    /// <summary>Recent thumbnails per room, for the acknowledgement page.</summary>
    public ThumbnailBook Thumbnails { get; } = new();

    public void OnThumbnail(string site, string room, ReadOnlySpan<byte> payload) => Thumbnails.Add(site, room, payload);

    public void OnBatch(MetricBatch batch)
    {
        var rules = _rules;
        var room = Room(batch.Site, batch.Room, rules);
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (room)
        {
            var points = batch.Points;
            for (var p = 0; p < points.Count; p++)
            {
                var point = points[p];
                if (point.Kind == MetricKind.Stream && point.Fields.TryGetValue(MetricKind.StreamFields.Up, out var up) && up.Type == FieldType.Boolean)
                {
                    TrackStream(room, up.Boolean, point.Timestamp);
                }

                var indices = rules.ForKind(point.Kind);
                for (var i = 0; i < indices.Length; i++)
                {
                    var index = indices[i];
                    var rule = rules.Rules[index];
                    if (rule.Operator == RuleOperator.Absent)
                    {
                        room.LastSeenMs[index] = nowMs;
                        if (room.Active[index])
                        {
                            room.Active[index] = false;
                            _sink.Post(new ConditionChange(rule, room.Site, room.Room, false, null, point.Timestamp));
                        }

                        continue;
                    }

                    Evaluate(room, index, rule, point);
                }
            }
        }
    }

    public void OnStatus(string site, string room, bool online)
    {
        var rules = _rules;
        var state = Room(site, room, rules);
        var now = _time.GetUtcNow();
        lock (state)
        {
            state.Online = online;
            foreach (var index in rules.Status)
            {
                Set(state, index, rules.Rules[index], !online, null, now);
            }
        }
    }

    /// <summary>Data-gap rules: a room that sent nothing of a kind for the rule's threshold (called by the engine's tick).</summary>
    public void CheckGaps()
    {
        var rules = _rules;
        if (rules.Absent.Length == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        foreach (var room in _rooms.Values)
        {
            lock (room)
            {
                foreach (var index in rules.Absent)
                {
                    var seen = room.LastSeenMs[index];
                    if (seen > 0 && !room.Active[index] && nowMs - seen >= rules.Rules[index].Threshold * 1000)
                    {
                        Set(room, index, rules.Rules[index], true, (nowMs - seen) / 1000.0, now);
                    }
                }
            }
        }
    }

    /// <summary>Whether the room's stream is up, and when it last went down (for the default room-state provider).</summary>
    public (bool Up, bool EverUp, DateTimeOffset DownAt) Stream(string site, string room)
    {
        if (!_rooms.TryGetValue((site, room), out var state))
        {
            return (false, false, default);
        }

        lock (state)
        {
            return (state.StreamUp, state.StreamEverUp, state.StreamDownAt);
        }
    }

    private static void TrackStream(RoomConditions room, bool up, DateTimeOffset at)
    {
        if (room.StreamUp && !up)
        {
            room.StreamDownAt = at;
        }

        room.StreamUp = up;
        room.StreamEverUp |= up;
    }

    private void Evaluate(RoomConditions room, int index, AlertRule rule, MetricPoint point)
    {
        var active = room.Active[index];
        if (rule.Operator == RuleOperator.Event)
        {
            if (!point.Fields.TryGetValue(EventFields.Type, out var type) || type.Type != FieldType.Text)
            {
                return;
            }

            var isActive = !point.Fields.TryGetValue(EventFields.Active, out var a) || a.Type != FieldType.Boolean || a.Boolean;
            double? value = point.Fields.TryGetValue(EventFields.Value, out var v) && v.Type == FieldType.Number ? v.Number : null;
            if (string.Equals(type.Text, rule.EventType, StringComparison.Ordinal))
            {
                Set(room, index, rule, isActive, value, point.Timestamp);
            }
            else if (active && string.Equals(type.Text, rule.ClearEventType, StringComparison.Ordinal))
            {
                Set(room, index, rule, false, value, point.Timestamp);
            }

            return;
        }

        if (!point.Fields.TryGetValue(rule.Field, out var field))
        {
            return;
        }

        bool next;
        double? measured = null;
        switch (rule.Operator)
        {
            case RuleOperator.IsTrue or RuleOperator.IsFalse when field.Type == FieldType.Boolean:
                next = field.Boolean == (rule.Operator == RuleOperator.IsTrue);
                measured = field.Boolean ? 1 : 0;
                break;
            case RuleOperator.Below when field.Type == FieldType.Number:
                measured = field.Number;
                next = active ? field.Number < rule.Threshold + rule.Hysteresis : field.Number < rule.Threshold;
                break;
            case RuleOperator.Above when field.Type == FieldType.Number:
                measured = field.Number;
                next = active ? field.Number > rule.Threshold - rule.Hysteresis : field.Number > rule.Threshold;
                break;
            default:
                return;
        }

        Set(room, index, rule, next, measured, point.Timestamp);
    }

    private void Set(RoomConditions room, int index, AlertRule rule, bool active, double? value, DateTimeOffset at)
    {
        if (room.Active[index] == active)
        {
            return;
        }

        room.Active[index] = active;
        _sink.Post(new ConditionChange(rule, room.Site, room.Room, active, value, at));
    }

    private RoomConditions Room(string site, string room, CompiledRules rules)
    {
        if (_rooms.TryGetValue((site, room), out var state) && state.Active.Length == rules.Rules.Length)
        {
            return state;
        }

        return _rooms.AddOrUpdate(
            (site, room),
            static (k, n) => new RoomConditions(k.Site, k.Room, n),
            static (k, old, n) => old.Active.Length == n ? old : new RoomConditions(k.Site, k.Room, n),
            rules.Rules.Length);
    }
}
