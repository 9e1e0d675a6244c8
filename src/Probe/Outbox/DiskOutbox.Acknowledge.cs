namespace LiveRoom.Probe.Outbox;

public sealed partial class DiskOutbox
{
    /// <summary>
    /// The collector has stored everything up to <paramref name="seq"/>: trims it (whole segment files are deleted
    /// once fully acknowledged; the pointer is persisted first). Returns false when nothing new was acknowledged.
    /// A seq beyond what was ever appended is clamped (it cannot acknowledge points not yet made).
    /// </summary>
    public bool Acknowledge(long seq)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            seq = Math.Min(seq, _nextSeq - 1);
            if (seq <= _acked)
            {
                return false;
            }

            _acked = seq;
            _metaDirty = true;
            if (_segments.Count > 1 && _segments[0].LastSeq <= _acked)
            {
                // Persist the pointer before the files go, so a crash in between cannot renumber from an older state.
                SaveMetaCore();
                while (_segments.Count > 1 && _segments[0].LastSeq <= _acked)
                {
                    DeleteSegment(_segments[0]);
                }
            }

            return true;
        }
    }
}
