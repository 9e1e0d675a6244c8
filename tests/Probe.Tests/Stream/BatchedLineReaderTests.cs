using System.Text;
using LiveRoom.Probe.Stream;

namespace LiveRoom.Probe.Tests.Stream;

public sealed class BatchedLineReaderTests
{
    [Fact]
    public void Run_LinesSplitAcrossReads_DeliversEachWholeLineOnce()
    {
        const string Text = "#tb 0: 1/90000\n0,          0,          0,     3000,    57344, 0x1\r\n1,       1800,       1800,     1920,      371, 0x2\nlast without newline";
        using var source = new ChunkedStream(Encoding.ASCII.GetBytes(Text), chunk: 7);
        var lines = new List<string>();

        BatchedLineReader.Run(source, lines.Add, TimeSpan.Zero);

        Assert.Equal(["#tb 0: 1/90000", "0,          0,          0,     3000,    57344, 0x1", "1,       1800,       1800,     1920,      371, 0x2", "last without newline"], lines);
    }

    [Fact]
    public void Run_EmptyStream_DeliversNothing()
    {
        using var source = new MemoryStream();
        var lines = new List<string>();

        BatchedLineReader.Run(source, lines.Add, TimeSpan.Zero);

        Assert.Empty(lines);
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, as a pipe does when the writer is mid-line.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
