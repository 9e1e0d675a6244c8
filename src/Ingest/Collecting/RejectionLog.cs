using System.Collections.Concurrent;
using LiveRoom.Contracts.Validation;
using LiveRoom.Ingest.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Ingest.Collecting;

/// <summary>Logs rejections rate-limited: the first of each reason, then at most one per <see cref="Interval"/> with the number suppressed.</summary>
internal sealed class RejectionLog(ILogger logger, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<RejectReason, Entry> _entries = new();

    public void Log(string topic, Rejection rejection)
    {
        var now = time.GetUtcNow();
        var entry = _entries.GetOrAdd(rejection.Reason, static _ => new Entry());
        long suppressed;
        lock (entry)
        {
            if (entry.LastLogged is { } last && now - last < Interval)
            {
                entry.Suppressed++;
                return;
            }

            suppressed = entry.Suppressed;
            entry.Suppressed = 0;
            entry.LastLogged = now;
        }

        IngestLog.Rejected(logger, topic, rejection.Code, rejection.Detail, suppressed);
    }

    private sealed class Entry
    {
        public DateTimeOffset? LastLogged { get; set; }

        public long Suppressed { get; set; }
    }
}
