using LiveRoom.Probe.Frames;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Frames;

public sealed class FrameReaderTests
{
    private sealed class Recorder : IFrameConsumer
    {
        public List<(long Seq, byte Y, byte U, byte V)> Seen { get; } = [];

        public void OnFrame(Frame frame) => Seen.Add((frame.Sequence, frame.Y[0], frame.U[0], frame.V[0]));
    }

    private sealed class Thrower : IFrameConsumer
    {
        public void OnFrame(Frame frame) => throw new InvalidOperationException("bad consumer");
    }

    [Fact]
    public void Run_TwoFramesAndAPartialOne_DeliversTwoWithPlanesInPlace()
    {
        const int w = 8, h = 4;
        var size = Frame.ByteCount(w, h);
        var data = new byte[(size * 2) + 5];
        for (var f = 0; f < 2; f++)
        {
            var frame = data.AsSpan(f * size, size);
            frame[..(w * h)].Fill((byte)(10 + f));
            frame.Slice(w * h, w * h / 4).Fill((byte)(20 + f));
            frame[(w * h * 5 / 4)..].Fill((byte)(30 + f));
        }

        var recorder = new Recorder();
        var reader = new FrameReader(w, h, [new Thrower(), recorder], new FakeTimeProvider());

        reader.Run(new MemoryStream(data));

        Assert.Equal([(1L, (byte)10, (byte)20, (byte)30), (2L, (byte)11, (byte)21, (byte)31)], recorder.Seen);
        Assert.Equal(2, reader.Count);
        Assert.Equal(2, reader.ConsumerErrors);
    }
}
