using LiveRoom.Probe.Frames;
using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Picture;

/// <summary>
/// Luma statistics and frame-to-frame change on the sampled frames: black is a 98th luma percentile at or below
/// <c>blackLumaP98</c> (video-range black is 16); a frame is unchanged when no more than <c>stillShare</c> of its
/// 16x16 blocks differ by more than <c>blockDelta</c> luma levels on average from the previous frame (a threshold above
/// the noise of re-encoding the same picture). Frames arrive on the reader's thread, samples on the timer.
/// </summary>
internal sealed class PictureMeter(TimeProvider time, int blackLumaP98, double blockDelta, double stillShare) : IFrameConsumer
{
    private const int Block = 16;
    private readonly Lock _gate = new();
    private readonly int[] _histogram = new int[PlaneMath.HistogramsLength];
    private byte[] _previous = [];
    private int _previousWidth;
    private long _frames;
    private double? _mean;
    private int? _p98;
    private double? _changed;
    private long? _blackSince;
    private long? _stillSince;
    private long _previousAt;
    private int _stillComparisons;

    public void Reset()
    {
        lock (_gate)
        {
            _previous = [];
            _frames = 0;
            _mean = null;
            _p98 = null;
            _changed = null;
            _blackSince = null;
            _stillSince = null;
            _stillComparisons = 0;
        }
    }

    public void OnFrame(Frame frame)
    {
        var y = frame.Y;
        var (mean, p98) = Luma(y);
        double? changed = _previous.Length == y.Length && _previousWidth == frame.Width ? ChangedShare(y, _previous, frame.Width, frame.Height, blockDelta) : null;
        if (_previous.Length != y.Length)
        {
            _previous = new byte[y.Length];
        }

        y.CopyTo(_previous);
        _previousWidth = frame.Width;
        var now = time.GetTimestamp();
        lock (_gate)
        {
            _frames++;
            _mean = mean;
            _p98 = p98;
            _changed = changed;
            _blackSince = p98 <= blackLumaP98 ? _blackSince ?? now : null;
            if (changed is { } share && share <= stillShare)
            {
                _stillSince ??= _previousAt;
                _stillComparisons++;
            }
            else
            {
                _stillSince = null;
                _stillComparisons = 0;
            }

            _previousAt = now;
        }
    }

    public PictureSample Sample()
    {
        lock (_gate)
        {
            return new PictureSample
            {
                Frames = _frames,
                LumaMean = _mean,
                LumaP98 = _p98,
                ChangedShare = _changed,
                BlackSeconds = _blackSince is { } b ? time.GetElapsedTime(b).TotalSeconds : 0,
                StillSeconds = _stillSince is { } s ? time.GetElapsedTime(s).TotalSeconds : 0,
                StillComparisons = _stillComparisons,
            };
        }
    }

    /// <summary>Mean and 98th percentile of the luma plane.</summary>
    private (double Mean, int P98) Luma(ReadOnlySpan<byte> y)
    {
        var all = _histogram.AsSpan();
        all.Clear();
        PlaneMath.CountInto(y, all);
        var h = PlaneMath.MergeHistograms(all);
        long sum = 0;
        for (var v = 0; v < 256; v++)
        {
            sum += (long)h[v] * v;
        }

        var target = (long)(y.Length * 0.98);
        long seen = 0;
        var p98 = 255;
        for (var v = 0; v < 256; v++)
        {
            seen += h[v];
            if (seen >= target)
            {
                p98 = v;
                break;
            }
        }

        return ((double)sum / y.Length, p98);
    }

    /// <summary>Share of 16x16 blocks whose mean absolute luma difference exceeds <paramref name="delta"/>.</summary>
    internal static double ChangedShare(ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, int width, int height, double delta)
    {
        var blocksX = (width + Block - 1) / Block;
        var blocksY = (height + Block - 1) / Block;
        var changed = 0;
        for (var by = 0; by < blocksY; by++)
        {
            var rows = Math.Min(Block, height - (by * Block));
            for (var bx = 0; bx < blocksX; bx++)
            {
                var cols = Math.Min(Block, width - (bx * Block));
                long diff = 0;
                for (var r = 0; r < rows; r++)
                {
                    var offset = ((by * Block) + r) * width + (bx * Block);
                    diff += PlaneMath.SumAbsDiff(current.Slice(offset, cols), previous.Slice(offset, cols));
                }

                if (diff > delta * rows * cols)
                {
                    changed++;
                }
            }
        }

        return (double)changed / (blocksX * blocksY);
    }
}
