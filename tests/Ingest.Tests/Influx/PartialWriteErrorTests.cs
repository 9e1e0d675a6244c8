using System.Text;
using LiveRoom.Ingest.Influx;
using LiveRoom.Ingest.LineProtocol;

namespace LiveRoom.Ingest.Tests.Influx;

public sealed class PartialWriteErrorTests
{
    private static LineBuffer Lines(params string[] lines)
    {
        var buffer = new LineBuffer();
        buffer.AppendLines(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
        return buffer;
    }

    [Fact]
    public void TryFindUnparsable_LineContainingQuoteColon_IsStillFound()
    {
        var lines = Lines("m v=1 1", "m msg=\"it': s\" 2", "m v=3 3");
        var found = new List<int>();

        var ok = PartialWriteError.TryFindUnparsable("partial write: unable to parse 'm msg=\"it': s\" 2': bad dropped=0", lines, 0, 3, found);

        Assert.True(ok);
        Assert.Equal([1], found);
    }

    [Fact]
    public void TryFindUnparsable_WholeBatchUnparsable_NamesEveryLine()
    {
        var lines = Lines("a", "b");
        var found = new List<int>();

        Assert.True(PartialWriteError.TryFindUnparsable("unable to parse 'a': missing fields\nunable to parse 'b': missing fields", lines, 0, 2, found));
        Assert.Equal([0, 1], found);
    }

    [Fact]
    public void TryFindUnparsable_LineNotInRange_IsNotClaimed()
    {
        var lines = Lines("a", "b", "c");
        var found = new List<int>();

        Assert.False(PartialWriteError.TryFindUnparsable("unable to parse 'a': missing fields", lines, 1, 2, found));
    }

    [Fact]
    public void TryFindUnparsable_TypeConflict_NamesNoLine()
    {
        var found = new List<int>();

        Assert.False(PartialWriteError.TryFindUnparsable("partial write: field type conflict: input field \"v\" on measurement \"m\" is type float, already exists as type string dropped=1", Lines("m v=1 1"), 0, 1, found));
    }

    [Fact]
    public void Normalize_DropsTheDroppedCount() =>
        Assert.Equal("partial write: points beyond retention policy", PartialWriteError.Normalize("partial write: points beyond retention policy dropped=17"));
}
