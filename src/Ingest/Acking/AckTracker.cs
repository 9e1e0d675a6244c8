using System.Collections.Concurrent;
using LiveRoom.Ingest.Writing;

namespace LiveRoom.Ingest.Acking;

/// <summary>
/// End-to-end acknowledgement, collector side (issue 3 item 5): per (site, room, edge) the highest contiguous
/// sequence number that is in InfluxDB. A batch's floor advances it (everything below the floor is acknowledged or
/// was dropped by the edge and reported there); a confirmed write marks its sequence numbers stored and advances it
/// while the next number is stored. Nothing is persisted: after a restart the floors rebuild it. Thread-safe.
/// </summary>
public sealed class AckTracker(int maxPending)
{
    private readonly ConcurrentDictionary<EdgeKey, EdgeAckState> _edges = new();

    /// <summary>Raised when an edge's out-of-order window overflowed and was reset.</summary>
    public event Action<EdgeKey>? WindowOverflow;

    /// <summary>Applies a batch's floor: <c>contiguous = max(contiguous, floor - 1)</c>.</summary>
    public void ObserveFloor(in EdgeKey edge, long floor)
    {
        var state = _edges.GetOrAdd(edge, static _ => new EdgeAckState());
        lock (state)
        {
            state.ObserveFloor(floor);
        }
    }

    /// <summary>Marks the sequence numbers of a write InfluxDB confirmed.</summary>
    public void MarkStored(IReadOnlyList<SeqRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            var state = _edges.GetOrAdd(range.Edge, static _ => new EdgeAckState());
            bool ok;
            lock (state)
            {
                ok = state.MarkStored(range.From, range.To, maxPending);
            }

            if (!ok)
            {
                WindowOverflow?.Invoke(range.Edge);
            }
        }
    }

    /// <summary>The highest contiguous sequence number stored for <paramref name="edge"/>, or null when unknown.</summary>
    public long? Contiguous(in EdgeKey edge)
    {
        if (!_edges.TryGetValue(edge, out var state))
        {
            return null;
        }

        lock (state)
        {
            return state.Contiguous;
        }
    }

    /// <summary>Edges whose acknowledgement changed since the last call, with their current value; clears the marks.</summary>
    public List<KeyValuePair<EdgeKey, long>> TakeChanged()
    {
        var changed = new List<KeyValuePair<EdgeKey, long>>();
        foreach (var (edge, state) in _edges)
        {
            lock (state)
            {
                if (state.Dirty && state.Contiguous > 0)
                {
                    state.Dirty = false;
                    changed.Add(new(edge, state.Contiguous));
                }
            }
        }

        return changed;
    }

    /// <summary>Marks every edge changed, so all acknowledgements are published again (after reconnecting to the broker).</summary>
    public void MarkAllChanged()
    {
        foreach (var state in _edges.Values)
        {
            lock (state)
            {
                state.Dirty = true;
            }
        }
    }

    /// <summary>Marks an edge changed again (its acknowledgement could not be published).</summary>
    public void MarkChanged(in EdgeKey edge)
    {
        if (_edges.TryGetValue(edge, out var state))
        {
            lock (state)
            {
                state.Dirty = true;
            }
        }
    }
}
