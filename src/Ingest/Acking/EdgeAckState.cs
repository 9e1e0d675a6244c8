namespace LiveRoom.Ingest.Acking;

/// <summary>
/// Acknowledgement state of one edge: the highest contiguous sequence number stored, and the stored numbers
/// above it that wait for a gap to close (bounded). Guarded by its own lock.
/// </summary>
internal sealed class EdgeAckState
{
    private HashSet<long>? _pending;

    /// <summary>Every sequence number up to this one is stored (or below the edge's floor).</summary>
    public long Contiguous { get; private set; }

    /// <summary>Contiguous changed since the last acknowledgement was taken.</summary>
    public bool Dirty { get; set; }

    public int PendingCount => _pending?.Count ?? 0;

    /// <summary>Everything below <paramref name="floor"/> is acknowledged or was dropped by the edge.</summary>
    public void ObserveFloor(long floor)
    {
        if (floor - 1 > Contiguous)
        {
            Contiguous = floor - 1;
            Dirty = true;
            Settle();
        }
    }

    /// <summary>Marks <paramref name="from"/>..<paramref name="to"/> stored; false when the out-of-order window overflowed and was reset.</summary>
    public bool MarkStored(long from, long to, int maxPending)
    {
        if (to <= Contiguous)
        {
            // A re-send of stored points: the edge evidently missed the acknowledgement (e.g. a broker restart lost
            // the retained message), so publish it again.
            Dirty = true;
            return true;
        }

        from = Math.Max(from, Contiguous + 1);
        if (from == Contiguous + 1)
        {
            Contiguous = to;
            Dirty = true;
            Settle();
            return true;
        }

        _pending ??= [];
        if (_pending.Count + (to - from + 1) > maxPending)
        {
            // The edge re-sends what stays unacknowledged; those points overwrite themselves.
            _pending.Clear();
            return false;
        }

        for (var seq = from; seq <= to; seq++)
        {
            _pending.Add(seq);
        }

        return true;
    }

    private void Settle()
    {
        if (_pending is null || _pending.Count == 0)
        {
            return;
        }

        while (_pending.Remove(Contiguous + 1))
        {
            Contiguous++;
        }

        if (_pending.Count > 0)
        {
            var contiguous = Contiguous;
            _pending.RemoveWhere(seq => seq <= contiguous);
        }
    }
}
