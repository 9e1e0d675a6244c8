namespace LiveRoom.Probe.Vision.Analysis;

/// <summary>
/// The frame a technician approved at commissioning (issue 5 item 2): a copy of its Y/U/V planes at analysis scale,
/// the regions marked on it, a version and who captured it when.
/// </summary>
public sealed class Reference
{
    public Reference(int width, int height, byte[] y, byte[] u, byte[] v, RoomLayout layout, int version, string capturedBy, DateTimeOffset capturedAt)
    {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "reference dimensions must be positive and even (4:2:0 chroma)");
        }

        if (y.Length != width * height || u.Length != width * height / 4 || v.Length != width * height / 4)
        {
            throw new ArgumentException("plane sizes do not match a 4:2:0 frame of " + width + "x" + height, nameof(y));
        }

        (Width, Height, Y, U, V, Layout, Version, CapturedBy, CapturedAt) = (width, height, y, u, v, layout, version, capturedBy, capturedAt);
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Y { get; }

    public byte[] U { get; }

    public byte[] V { get; }

    public RoomLayout Layout { get; }

    /// <summary>Increases with every approved capture of the room.</summary>
    public int Version { get; }

    public string CapturedBy { get; }

    public DateTimeOffset CapturedAt { get; }

    /// <summary>Copies a frame's planes (the frame buffer is reused by the reader).</summary>
    public static Reference Capture(ReadOnlySpan<byte> y, ReadOnlySpan<byte> u, ReadOnlySpan<byte> v, int width, int height, RoomLayout layout, int version, string capturedBy, DateTimeOffset capturedAt) =>
        new(width, height, y.ToArray(), u.ToArray(), v.ToArray(), layout, version, capturedBy, capturedAt);

    /// <summary>
    /// This reference at <paramref name="width"/> x <paramref name="height"/>: itself, a bilinear rescale when the aspect
    /// ratio agrees within 1 %, or null with the reason (a different aspect ratio means a different camera set-up).
    /// </summary>
    public Reference? At(int width, int height, out string? refusal)
    {
        refusal = null;
        if (width == Width && height == Height)
        {
            return this;
        }

        var aspect = (double)width / height;
        var own = (double)Width / Height;
        if (Math.Abs(aspect - own) / own > 0.01 || width % 2 != 0 || height % 2 != 0)
        {
            refusal = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"reference is {Width}x{Height} (aspect {own:0.###}) but frames are {width}x{height} (aspect {aspect:0.###}): recapture the reference");
            return null;
        }

        return new Reference(
            width,
            height,
            PlaneMath.Resize(Y, Width, Height, width, height),
            PlaneMath.Resize(U, Width / 2, Height / 2, width / 2, height / 2),
            PlaneMath.Resize(V, Width / 2, Height / 2, width / 2, height / 2),
            Layout,
            Version,
            CapturedBy,
            CapturedAt);
    }
}
