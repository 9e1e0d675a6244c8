namespace LiveRoom.Probe.Audio;

/// <summary>One 100 ms frame of ffmpeg's <c>ebur128</c> frame log (see <see cref="EbuR128FrameLog"/>); dB values, -∞ for silence.</summary>
/// <param name="Momentary">Momentary loudness, LUFS.</param>
/// <param name="ShortTerm">Short-term loudness, LUFS.</param>
/// <param name="FrameTruePeak">Highest true peak of this frame over the channels, dBTP.</param>
/// <param name="RunningTruePeak">Highest true peak since the filter started, dBTP (null when the line lacks it).</param>
internal readonly record struct EbuR128Frame(double Momentary, double ShortTerm, double FrameTruePeak, double? RunningTruePeak);
