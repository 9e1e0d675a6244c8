using LiveRoom.Probe.Audio;
using LiveRoom.Testing;

namespace LiveRoom.Probe.Tests.Audio;

/// <summary>The reader's audio stream, from ffmpeg's WAV on a pipe to the meter's samples.</summary>
public sealed class AudioReaderTests
{
    private readonly FakeTimeProvider _time = new();

    private AudioMeter Meter() => new(_time, silenceFloorLufs: -60, clipLevelDbfs: -0.1, absentAfter: TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Run_StereoToneAtMinus20_ReadsMinus20LufsAndItsPeaks()
    {
        // A 997 Hz sine of amplitude 0.1 in both channels: -20 LUFS (BS.1770: 0 dBFS in both reads 0 LUFS), -20 dBFS peak.
        var wav = await ToneAsync("0.1*sin(2*PI*997*t)|0.1*sin(2*PI*997*t)", seconds: 4);
        var meter = Meter();
        var rejected = new List<string>();

        AudioReader.Run(new MemoryStream(wav), meter, TimeSpan.Zero, rejected.Add);
        var sample = meter.Sample();

        Assert.Empty(rejected);
        Assert.True(sample.Present);
        Assert.Equal(-20, sample.MomentaryLufs!.Value, 0.1);
        Assert.Equal(-20, sample.ShortTermLufs!.Value, 0.1);
        Assert.Equal(-20, sample.PeakDbfs!.Value, 0.05);
        Assert.Equal(-20, sample.TruePeakDbtp!.Value, 0.2);
        Assert.False(sample.Clipping);
    }

    [Fact]
    public async Task Run_ReadsInOddPieces_MeasuresTheSameAsInOne()
    {
        var wav = await ToneAsync("0.5*sin(2*PI*440*t)*lt(t\\,1)+0.05*sin(2*PI*3000*t)", seconds: 4);
        var whole = Meter();
        var pieces = Meter();

        AudioReader.Run(new MemoryStream(wav), whole, TimeSpan.Zero, _ => { });
        AudioReader.Run(new TrickleStream(wav, 7), pieces, TimeSpan.Zero, _ => { });

        Assert.Equal(whole.Sample(), pieces.Sample());
    }

    [Fact]
    public async Task Run_NotFloatWav_ReportsWhyAndReadsTheStreamToItsEnd()
    {
        var wav = await WavStreamHeaderTests.FfmpegWavAsync(2, 48_000, "pcm_s16le");
        var stream = new MemoryStream(wav);
        var meter = Meter();
        var rejected = new List<string>();

        AudioReader.Run(stream, meter, TimeSpan.Zero, rejected.Add);

        Assert.Contains("16-bit", Assert.Single(rejected), StringComparison.Ordinal);
        Assert.Equal(wav.Length, stream.Position);
        Assert.False(meter.Sample().Present);
    }

    [Fact]
    public void Run_StreamEndsBeforeAnyAudio_MeasuresNothing()
    {
        var meter = Meter();
        var rejected = new List<string>();

        AudioReader.Run(new MemoryStream(), meter, TimeSpan.Zero, rejected.Add);

        Assert.Empty(rejected);
        Assert.False(meter.Sample().Present);
    }

    /// <summary>A WAV of the given <c>aevalsrc</c> expressions (one per channel, <c>|</c>-separated) at 48 kHz.</summary>
    private static Task<byte[]> ToneAsync(string expressions, int seconds) =>
        PipedWav.MakeAsync($"aevalsrc={expressions}:s=48000:d={seconds}", "pcm_f32le");

    /// <summary>Hands out at most a few bytes per read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] data, int most) : System.IO.Stream
    {
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _at; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, most), data.Length - _at);
            data.AsSpan(_at, n).CopyTo(buffer.AsSpan(offset));
            _at += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
