using LiveRoom.Probe.Vision.Analysis;

namespace LiveRoom.Probe.Tests.Vision;

/// <summary>The SIMD plane helpers give exactly what the plain per-pixel formulas give, tails and odd sizes included.</summary>
public sealed class PlaneMathTests
{
    [Theory]
    [InlineData(640, 360)]
    [InlineData(70, 33)]
    [InlineData(34, 2)]
    public void Downsample_AnySize_EqualsRoundedTwoByTwoMean(int width, int height)
    {
        var src = Noise(width * height, seed: width + height);
        var dst = new byte[(width / 2) * (height / 2)];

        PlaneMath.Downsample(src, width, height, dst);

        for (var y = 0; y < height / 2; y++)
        {
            for (var x = 0; x < width / 2; x++)
            {
                var expected = (src[(2 * y * width) + (2 * x)] + src[(2 * y * width) + (2 * x) + 1] + src[(((2 * y) + 1) * width) + (2 * x)] + src[(((2 * y) + 1) * width) + (2 * x) + 1] + 2) >> 2;
                Assert.True(expected == dst[(y * (width / 2)) + x], $"pixel ({x}, {y}): expected {expected}, got {dst[(y * (width / 2)) + x]}");
            }
        }
    }

    [Fact]
    public void MaskedLaplacian_RunsOfEveryLength_EqualsPerPixelSums()
    {
        const int Width = 96, Height = 20;
        var plane = Noise(Width * Height, seed: 7);
        // Extremes too: 255 next to 0 gives the largest |Laplacian| (1020) and the largest squares.
        plane.AsSpan(5 * Width, Width).Fill(255);
        var runs = new List<(int Row, int Start, int End)>();
        for (var row = 1; row < Height - 1; row++)
        {
            var start = 1 + (row % 5);
            runs.Add((row, start, Math.Min(Width - 1, start + (row * 5))));
        }

        var (lap, sum, squares, count) = PlaneMath.MaskedLaplacian(plane, Width, runs);

        long eLap = 0, eSum = 0, eSquares = 0, eCount = 0;
        foreach (var (row, start, end) in runs)
        {
            for (var x = start; x < end; x++)
            {
                int c = plane[(row * Width) + x];
                eLap += Math.Abs((4 * c) - plane[(row * Width) + x - 1] - plane[(row * Width) + x + 1] - plane[((row - 1) * Width) + x] - plane[((row + 1) * Width) + x]);
                eSum += c;
                eSquares += c * c;
                eCount++;
            }
        }

        Assert.Equal((eLap, eSum, eSquares, eCount), (lap, sum, squares, count));
    }

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
