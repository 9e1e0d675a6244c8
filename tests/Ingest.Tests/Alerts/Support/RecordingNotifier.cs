using System.Collections.Concurrent;
using LiveRoom.Ingest.Alerts.Notifying;

namespace LiveRoom.Ingest.Tests.Alerts.Support;

internal sealed class RecordingNotifier : INotifier
{
    public ConcurrentQueue<AlertNotice> Notices { get; } = new();

    public void Enqueue(AlertNotice notice) => Notices.Enqueue(notice);

    public List<AlertNotice> Of(NoticeKind kind) => Notices.Where(n => n.Kind == kind).ToList();
}
