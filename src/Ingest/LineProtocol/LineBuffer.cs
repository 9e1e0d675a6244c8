namespace LiveRoom.Ingest.LineProtocol;

/// <summary>
/// A growable, reusable byte buffer of line-protocol text plus the start offset of every line,
/// so a batch can be split (bisected) or a rejected line found without re-encoding.
/// </summary>
public sealed class LineBuffer
{
    private byte[] _bytes;
    private int[] _lineStarts;

    public LineBuffer(int initialBytes = 64 * 1024)
    {
        _bytes = new byte[Math.Max(256, initialBytes)];
        _lineStarts = new int[256];
    }

    /// <summary>Bytes written.</summary>
    public int Length { get; private set; }

    /// <summary>Complete lines written.</summary>
    public int LineCount { get; private set; }

    public ReadOnlyMemory<byte> Memory => _bytes.AsMemory(0, Length);

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    /// <summary>The line at <paramref name="index"/>, including its trailing '\n'.</summary>
    public ReadOnlyMemory<byte> Line(int index) => Lines(index, 1);

    /// <summary><paramref name="count"/> consecutive lines starting at <paramref name="first"/>.</summary>
    public ReadOnlyMemory<byte> Lines(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, LineCount);
        var start = _lineStarts[first];
        var end = first + count == LineCount ? Length : _lineStarts[first + count];
        return _bytes.AsMemory(start, end - start);
    }

    public void Clear()
    {
        Length = 0;
        LineCount = 0;
    }

    /// <summary>Marks the start of a new line at the current position.</summary>
    internal void BeginLine()
    {
        if (LineCount == _lineStarts.Length)
        {
            Array.Resize(ref _lineStarts, _lineStarts.Length * 2);
        }

        _lineStarts[LineCount] = Length;
    }

    /// <summary>Counts the line begun by <see cref="BeginLine"/> (after its '\n' was written).</summary>
    internal void EndLine() => LineCount++;

    /// <summary>Drops everything written since the last <see cref="BeginLine"/> (an encoding that failed midway).</summary>
    internal void AbandonLine() => Length = _lineStarts[LineCount];

    internal Span<byte> GetSpan(int sizeHint)
    {
        if (_bytes.Length - Length < sizeHint)
        {
            Grow(sizeHint);
        }

        return _bytes.AsSpan(Length);
    }

    internal void Advance(int count) => Length += count;

    internal void Write(byte value)
    {
        if (Length == _bytes.Length)
        {
            Grow(1);
        }

        _bytes[Length++] = value;
    }

    internal void Write(ReadOnlySpan<byte> value)
    {
        value.CopyTo(GetSpan(value.Length));
        Length += value.Length;
    }

    /// <summary>Appends whole lines copied from another buffer (or a spill record).</summary>
    public void AppendLines(ReadOnlySpan<byte> lines)
    {
        var start = 0;
        while (start < lines.Length)
        {
            var end = lines[start..].IndexOf((byte)'\n');
            var next = end < 0 ? lines.Length : start + end + 1;
            BeginLine();
            Write(lines[start..next]);
            if (end < 0)
            {
                Write((byte)'\n');
            }

            EndLine();
            start = next;
        }
    }

    private void Grow(int sizeHint)
    {
        var size = Math.Max(_bytes.Length * 2, Length + sizeHint);
        Array.Resize(ref _bytes, size);
    }
}
