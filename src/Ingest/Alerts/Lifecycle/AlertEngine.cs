using System.Security.Cryptography;
using System.Threading.Channels;
using LiveRoom.Contracts.Text;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Lifecycle;

/// <summary>
/// The alert life cycle (issue 7 item 2): condition changes from the <see cref="RuleEvaluator"/> open pending alerts;
/// <see cref="Tick"/> fires them after <c>for</c> when the rule applies to the room's state, groups new alerts of a site
/// (or room) for <see cref="AlertOptions.GroupWait"/> into one message, drops those muted by an inhibiting alert or a
/// silence, sends reminders and escalates unacknowledged critical alerts along the rota. Every step is recorded in the
/// <see cref="IncidentLog"/>. Single lock, no I/O: notices go to an <see cref="INotifier"/> queue.
/// </summary>
public sealed partial class AlertEngine : IConditionSink
{
    private readonly Channel<ConditionChange> _changes = Channel.CreateUnbounded<ConditionChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<(string Rule, string Site, string Room), Alert> _open = [];
    private readonly Dictionary<string, Alert> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Group, NoticeKind Kind), (DateTimeOffset Due, List<Alert> Alerts)> _groups = [];
    private readonly List<Silence> _silences = [];
    private readonly Dictionary<string, DateTimeOffset> _unconfirmed = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly AlertOptions _options;
    private readonly IRoomStateProvider _rooms;
    private readonly OnCallRota _rota;
    private readonly IncidentLog _incidents;
    private readonly INotifier _notifier;
    private readonly Func<string, string> _link;
    private readonly TimeProvider _time;
    private long _notices;

    /// <remarks>link: Link of an alert's acknowledgement page (signed token inside).</remarks>
    public AlertEngine(AlertOptions options, IRoomStateProvider rooms, OnCallRota rota, IncidentLog incidents, INotifier notifier, Func<string, string> link, TimeProvider time)
    {
        _options = options;
        _rooms = rooms;
        _rota = rota;
        _incidents = incidents;
        _notifier = notifier;
        _link = link;
        _time = time;
    }

    /// <summary>Called by the evaluator on the collector's workers: queued, never blocks.</summary>
    public void Post(in ConditionChange change) => _changes.Writer.TryWrite(change);

    /// <summary>Set when something was queued (the loop wakes up at once instead of at the next tick).</summary>
    internal ChannelReader<ConditionChange> Changes => _changes.Reader;

    /// <summary>Applies every queued condition change, then runs <see cref="Tick"/>.</summary>
    public void ProcessPending()
    {
        lock (_lock)
        {
            while (_changes.Reader.TryRead(out var change))
            {
                Apply(change);
            }
        }

        Tick();
    }

    public IReadOnlyList<AlertSnapshot> Open()
    {
        lock (_lock)
        {
            return _open.Values.Select(a => a.Snapshot()).ToArray();
        }
    }

    public AlertSnapshot? Find(string alertId)
    {
        lock (_lock)
        {
            return _byId.TryGetValue(alertId, out var a) ? a.Snapshot() : _incidents.Get(alertId)?.Alert;
        }
    }

    /// <summary>Adds a silence; refused (with the reasons) when it has no expiry or is otherwise unusable.</summary>
    public IReadOnlyList<LocalText> AddSilence(Silence silence)
    {
        var failures = SilenceValidator.Check(silence);
        if (failures.Count == 0)
        {
            lock (_lock)
            {
                _silences.RemoveAll(s => s.Id == silence.Id);
                _silences.Add(silence);
            }
        }

        return failures;
    }

    /// <summary>Replaces every silence (with another collector's, already checked).</summary>
    public void ReplaceSilences(IEnumerable<Silence> silences)
    {
        lock (_lock)
        {
            _silences.Clear();
            _silences.AddRange(silences);
        }
    }

    public IReadOnlyList<Silence> Silences()
    {
        lock (_lock)
        {
            return _silences.ToArray();
        }
    }

    /// <summary>
    /// Takes over the alerts still open in the incident records when this collector starts (after a restart, or from
    /// the active collector it took over from): same id, state, acknowledgement, escalation level and last notice, so
    /// nobody is paged again for an alert already sent or acknowledged, and the record gets its resolution. One whose
    /// condition is not reported again within <see cref="AlertOptions.AdoptGrace"/> (or its rule's <c>for</c>, if
    /// longer) is resolved then; one whose rule is gone, or an older one of the same rule and room, is resolved at once.
    /// Returns how many were taken over.
    /// </summary>
    public int Adopt(IEnumerable<Incident> incidents, IReadOnlyList<AlertRule> rules)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(rules);
        var adopted = 0;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var open = incidents.Where(i => i.Alert.State is AlertState.Firing or AlertState.Acknowledged && !_byId.ContainsKey(i.Alert.Id))
                .OrderByDescending(i => i.Alert.FiredAt ?? i.Alert.Since);
            foreach (var (snapshot, timeline) in open)
            {
                var rule = rules.FirstOrDefault(r => r.Id == snapshot.RuleId);
                var key = (snapshot.RuleId, snapshot.Site, snapshot.Room);
                if (rule is null || _open.ContainsKey(key))
                {
                    var why = rule is null ? "its rule no longer exists" : "a later alert of the same rule in this room is open";
                    _incidents.Record(snapshot with { State = AlertState.Resolved, ResolvedAt = now }, IncidentEventKind.Resolved, now, detail: "closed when the collector started: " + why);
                    continue;
                }

                var alert = new Alert(snapshot.Id, rule, snapshot.Site, snapshot.Room, snapshot.FiredAt ?? snapshot.Since, snapshot.Since, snapshot.Value)
                {
                    State = snapshot.State,
                    FiredAt = snapshot.FiredAt ?? snapshot.Since,
                    AcknowledgedAt = snapshot.AcknowledgedAt,
                    AcknowledgedBy = snapshot.AcknowledgedBy,
                    Note = snapshot.Note,
                    EscalationLevel = snapshot.EscalationLevel,
                    Show = snapshot.Show,
                    TimeZone = snapshot.TimeZone,
                    NotifiedAt = timeline.LastOrDefault(e => e.Kind is IncidentEventKind.Notified or IncidentEventKind.Reminded)?.At,
                    EscalatedAt = timeline.LastOrDefault(e => e.Kind == IncidentEventKind.Escalated)?.At,
                };
                _open[key] = alert;
                _byId[alert.Id] = alert;
                _unconfirmed[alert.Id] = now + (rule.For > _options.AdoptGrace ? rule.For : _options.AdoptGrace);
                adopted++;
            }
        }

        return adopted;
    }

    /// <summary>"I've got it": stops reminders and escalation; recorded with who and when (issue 7 item 4).</summary>
    public ActionResult Acknowledge(string alertId, string who, string? note = null)
    {
        lock (_lock)
        {
            if (!_byId.TryGetValue(alertId, out var alert))
            {
                return _incidents.Get(alertId) is null ? ActionResult.UnknownAlert : ActionResult.AlreadyResolved;
            }

            switch (alert.State)
            {
                case AlertState.Acknowledged:
                    return ActionResult.AlreadyDone;
                case AlertState.Pending:
                    return ActionResult.NotFiring;
            }

            var now = _time.GetUtcNow();
            alert.State = AlertState.Acknowledged;
            alert.AcknowledgedAt = now;
            alert.AcknowledgedBy = who;
            alert.Note = note ?? alert.Note;
            _incidents.Record(alert.Snapshot(), IncidentEventKind.Acknowledged, now, who, note);
            return ActionResult.Done;
        }
    }

    /// <summary>Closes an alert by hand with a note (a resolved notice goes out when it had been notified).</summary>
    public ActionResult Resolve(string alertId, string who, string? note)
    {
        lock (_lock)
        {
            if (!_byId.TryGetValue(alertId, out var alert))
            {
                return _incidents.Get(alertId) is null ? ActionResult.UnknownAlert : ActionResult.AlreadyResolved;
            }

            alert.Note = note;
            Close(alert, _time.GetUtcNow(), who, note);
            return ActionResult.Done;
        }
    }

    private void Apply(in ConditionChange change)
    {
        var key = (change.Rule.Id, change.Site, change.Room);
        var now = _time.GetUtcNow();
        _open.TryGetValue(key, out var alert);
        if (change.Active)
        {
            if (alert is null)
            {
                alert = new Alert(NewId(), change.Rule, change.Site, change.Room, now, change.At, change.Value);
                _open[key] = alert;
                _byId[alert.Id] = alert;
            }
            else
            {
                alert.Value = change.Value ?? alert.Value;
                _unconfirmed.Remove(alert.Id);
            }

            return;
        }

        if (alert is null)
        {
            return;
        }

        alert.Value = change.Value ?? alert.Value;
        if (alert.State == AlertState.Pending)
        {
            // Recovered before `for` elapsed (or while it did not apply): never an alert.
            Forget(alert);
            return;
        }

        Close(alert, now, null, "recovered");
    }

    private void Close(Alert alert, DateTimeOffset now, string? who, string? note)
    {
        var wasNotified = alert.NotifiedAt is not null;
        alert.State = AlertState.Resolved;
        alert.ResolvedAt = now;
        Forget(alert);
        if (alert.FiredAt is null)
        {
            return;
        }

        _incidents.Record(alert.Snapshot(), IncidentEventKind.Resolved, now, who, note);
        if (wasNotified)
        {
            Queue(alert, NoticeKind.Resolved, now);
        }
    }

    private void Forget(Alert alert)
    {
        _open.Remove((alert.Rule.Id, alert.Site, alert.Room));
        _byId.Remove(alert.Id);
        _unconfirmed.Remove(alert.Id);
    }

    private bool Applies(Alert alert)
    {
        var state = _rooms.Get(alert.Site, alert.Room);
        alert.TimeZone ??= state.TimeZone;
        if (alert.Rule.Applies == RuleApplies.Always)
        {
            return true;
        }

        alert.Show ??= state.Show;
        return alert.Rule.Applies == RuleApplies.WhileLive ? state.Use == RoomUse.Live : state.Use != RoomUse.Free;
    }

    /// <summary>Why an alert is muted now (an inhibiting alert or a silence), or null.</summary>
    private string? MutedBy(Alert alert, DateTimeOffset now)
    {
        foreach (var other in _open.Values)
        {
            if (other == alert || other.State == AlertState.Pending || other.Rule.Inhibits == InhibitScope.None || alert.Rule.Inhibits != InhibitScope.None && other.Rule.Inhibits <= alert.Rule.Inhibits)
            {
                continue;
            }

            if (other.Site == alert.Site && (other.Rule.Inhibits == InhibitScope.Site || other.Room == alert.Room))
            {
                return $"inhibited by {other.Rule.Id} ({other.Site}/{other.Room})";
            }
        }

        foreach (var silence in _silences)
        {
            if (silence.Matches(alert.Site, alert.Room, alert.Rule.Id) && silence.IsActive(now))
            {
                return $"silenced by {silence.Id}";
            }
        }

        return null;
    }

    private string GroupKey(Alert alert) =>
        string.Equals(_options.GroupBy, "room", StringComparison.OrdinalIgnoreCase) ? alert.Site + "/" + alert.Room : alert.Site;

    private void Queue(Alert alert, NoticeKind kind, DateTimeOffset now)
    {
        var key = (GroupKey(alert), kind);
        if (!_groups.TryGetValue(key, out var group))
        {
            group = (kind == NoticeKind.Firing ? now + _options.GroupWait : now, []);
            _groups[key] = group;
        }

        group.Alerts.Add(alert);
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
