namespace LiveRoom.Probe.Obs;

/// <summary>GetVideoSettings responseData: the configured output.</summary>
internal sealed record ObsVideoSettings(int BaseWidth, int BaseHeight, int OutputWidth, int OutputHeight, long FpsNumerator, long FpsDenominator)
{
    public double? Fps => FpsDenominator > 0 ? (double)FpsNumerator / FpsDenominator : null;
}
