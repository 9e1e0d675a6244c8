namespace LiveRoom.Probe.Audio.Loudness;

/// <summary>
/// The readings of one 100 ms block of <see cref="LoudnessMeter"/> (ITU-R BS.1770-4, EBU Tech 3341).
/// A value is <see cref="double.NaN"/> while it is not yet defined (the loudness windows are not yet full) and
/// <see cref="double.NegativeInfinity"/> for digital silence.
/// </summary>
/// <param name="MomentaryLufs">Loudness of the last 400 ms (LUFS); defined from the 4th block on.</param>
/// <param name="ShortTermLufs">Loudness of the last 3 s (LUFS); defined from the 30th block on.</param>
/// <param name="TruePeakDbtp">Highest 4x-oversampled absolute value in this block over all channels (dBTP), never below <paramref name="SamplePeakDbfs"/>.</param>
/// <param name="SamplePeakDbfs">Highest absolute sample in this block over all channels (dBFS).</param>
internal readonly record struct LoudnessBlock(double MomentaryLufs, double ShortTermLufs, double TruePeakDbtp, double SamplePeakDbfs);
