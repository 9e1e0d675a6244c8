using System.Globalization;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Notifying;
using LiveRoom.Ingest.Alerts.Rules;

namespace LiveRoom.Ingest.Alerts.Lifecycle;

/// <summary>Time-driven steps: firing after <c>for</c>, group flush, reminders, escalation.</summary>
public sealed partial class AlertEngine
{
    /// <summary>Runs every time-driven step due at the clock's current time.</summary>
    public void Tick()
    {
        var notices = new List<AlertNotice>();
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            ResolveUnconfirmed(now);
            foreach (var alert in _open.Values)
            {
                switch (alert.State)
                {
                    case AlertState.Pending when now - alert.PendingAt >= alert.Rule.For && Applies(alert):
                        alert.State = AlertState.Firing;
                        alert.FiredAt = now;
                        _incidents.Record(alert.Snapshot(), IncidentEventKind.Fired, now, detail: Describe(alert));
                        QueueIfUnmuted(alert, now);
                        break;
                    case AlertState.Firing when alert.NotifiedAt is null:
                        QueueIfUnmuted(alert, now); // a silence ran out or the inhibiting alert resolved
                        break;
                    case AlertState.Firing when now - alert.NotifiedAt >= _options.RepeatInterval && MutedBy(alert, now) is null:
                        alert.NotifiedAt = now;
                        notices.Add(Notice(NoticeKind.Reminder, GroupKey(alert), [alert], alert.EscalationLevel, now));
                        _incidents.Record(alert.Snapshot(), IncidentEventKind.Reminded, now, detail: Whom(notices[^1]));
                        break;
                }

                if (alert.State == AlertState.Firing && alert.Rule.Severity == AlertSeverity.Critical && alert.NotifiedAt is not null
                    && now - (alert.EscalatedAt ?? alert.FiredAt!.Value) >= _options.EscalateAfter && alert.EscalationLevel < _rota.TopLevel(alert.Site))
                {
                    alert.EscalationLevel++;
                    alert.EscalatedAt = now;
                    var notice = Notice(NoticeKind.Escalation, GroupKey(alert), [alert], alert.EscalationLevel, now);
                    notices.Add(notice);
                    _incidents.Record(alert.Snapshot(), IncidentEventKind.Escalated, now, detail: string.Create(CultureInfo.InvariantCulture, $"level {alert.EscalationLevel}: {Whom(notice)}"));
                }
            }

            FlushGroups(now, notices);
        }

        foreach (var notice in notices)
        {
            _notifier.Enqueue(notice);
        }
    }

    /// <summary>Adopted alerts (<see cref="Adopt"/>) whose condition was not reported again in time are over.</summary>
    private void ResolveUnconfirmed(DateTimeOffset now)
    {
        foreach (var (id, due) in _unconfirmed.ToArray())
        {
            if (due <= now && _byId.TryGetValue(id, out var alert))
            {
                Close(alert, now, null, "its condition was not seen again after the collector started");
            }
        }
    }

    private void QueueIfUnmuted(Alert alert, DateTimeOffset now)
    {
        if (!alert.Queued && MutedBy(alert, now) is null)
        {
            alert.Queued = true;
            Queue(alert, NoticeKind.Firing, now);
        }
    }

    private void FlushGroups(DateTimeOffset now, List<AlertNotice> notices)
    {
        foreach (var (key, group) in _groups.ToArray())
        {
            if (group.Due > now)
            {
                continue;
            }

            _groups.Remove(key);
            if (key.Kind != NoticeKind.Firing)
            {
                notices.Add(Notice(key.Kind, key.Group, group.Alerts, 0, now));
                continue;
            }

            // Muting is checked again at the flush: the inhibiting alert (site uplink, edge offline) may have fired
            // within the group wait, after the alerts it explains.
            var send = new List<Alert>();
            foreach (var alert in group.Alerts)
            {
                alert.Queued = false;
                if (alert.State != AlertState.Firing)
                {
                    continue;
                }

                if (MutedBy(alert, now) is { } why)
                {
                    _incidents.Record(alert.Snapshot(), IncidentEventKind.Muted, now, detail: why);
                    continue;
                }

                alert.NotifiedAt = now;
                send.Add(alert);
            }

            if (send.Count > 0)
            {
                var notice = Notice(NoticeKind.Firing, key.Group, send, 0, now);
                notices.Add(notice);
                foreach (var alert in send)
                {
                    _incidents.Record(alert.Snapshot(), IncidentEventKind.Notified, now, detail: Whom(notice));
                }
            }
        }
    }

    private AlertNotice Notice(NoticeKind kind, string group, IReadOnlyList<Alert> alerts, int level, DateTimeOffset now)
    {
        var n = Interlocked.Increment(ref _notices);
        var site = alerts[0].Site;
        var recipients = _rota.OnDuty(site, level, now);
        if (recipients.Count == 0 && level > 0)
        {
            recipients = _rota.OnDuty(site, 0, now);
        }

        return new AlertNotice(
            kind,
            group,
            alerts.Select(a => a.Snapshot()).ToArray(),
            recipients,
            alerts.ToDictionary(a => a.Id, a => _link(a.Id), StringComparer.Ordinal),
            string.Create(CultureInfo.InvariantCulture, $"{kind.ToString().ToLowerInvariant()}-{alerts[0].Id}-{n}"),
            now);
    }

    private static string Whom(AlertNotice notice) =>
        notice.Recipients.Count == 0 ? "all channels" : string.Join(", ", notice.Recipients.Select(r => r.Name));

    private static string Describe(Alert alert) => NotificationText.Measured(alert.Snapshot());
}
