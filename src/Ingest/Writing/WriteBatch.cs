using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Acking;
using LiveRoom.Ingest.LineProtocol;

namespace LiveRoom.Ingest.Writing;

/// <summary>
/// One InfluxDB write: the encoded lines and, for the acknowledgement, which sequence numbers of which
/// edges they carry (as ranges, since an edge's points mostly arrive in order). Reused after each flush.
/// </summary>
public sealed class WriteBatch
{
    private readonly List<SeqRange> _ranges = [];

    public WriteBatch(int initialBytes = 512 * 1024)
    {
        Lines = new LineBuffer(initialBytes);
    }

    public LineBuffer Lines { get; }

    public IReadOnlyList<SeqRange> Ranges => _ranges;

    public int LineCount => Lines.LineCount;

    /// <summary>Encodes <paramref name="point"/> and records its sequence number.</summary>
    public void Add(LineProtocolEncoder encoder, in EdgeKey edge, MetricPoint point)
    {
        encoder.Encode(Lines, edge.Site, edge.Room, point);
        AddSequence(edge, point.Seq);
    }

    /// <summary>Records a sequence number carried by this batch (the line was written separately).</summary>
    public void AddSequence(in EdgeKey edge, long seq)
    {
        if (_ranges.Count > 0)
        {
            var last = _ranges[^1];
            if (last.To + 1 == seq && last.Edge.Equals(edge))
            {
                _ranges[^1] = last with { To = seq };
                return;
            }
        }

        _ranges.Add(new SeqRange(edge, seq, seq));
    }

    public void AddRange(SeqRange range) => _ranges.Add(range);

    public void Clear()
    {
        Lines.Clear();
        _ranges.Clear();
    }
}
