using System.Globalization;
using LiveRoom.Probe.Audio;
using LiveRoom.Probe.Detection;
using LiveRoom.Probe.Frames;
using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Picture;
using LiveRoom.Runtime.Hosting.Watchdog;
using LiveRoom.Runtime.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Stream;

/// <summary>
/// One room's stream: a single long-running ffmpeg reader (see <see cref="FfmpegArguments"/>): packet lines, sampled
/// frames, decoded audio (metered by <see cref="AudioReader"/>) and its log (the input dump) through FIFOs, errors on stderr. Every <see cref="StreamMonitorOptions.SampleInterval"/> it appends
/// <c>stream</c>, <c>audio</c> and <c>vision</c> points to the sink, and <c>event</c> points on change (stream up/down,
/// profile, conditions of <see cref="RoomEvaluator"/>, reader failures). When ffmpeg exits, or packets stop for the
/// stall timeout, it is restarted with a doubling backoff (reset once packets flowed again).
/// </summary>
public sealed partial class StreamMonitor : IDisposable
{
    private readonly IMetricSink _sink;
    private readonly StreamMonitorOptions _options;
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StreamMeter _meter;
    private readonly AudioMeter _audio;
    private readonly PictureMeter _picture;
    private readonly IReadOnlyList<IFrameConsumer> _frameConsumers;
    private readonly RoomEvaluator _evaluator;
    private readonly ConditionTracker _conditions;
    private const int StderrTailLines = 12;
    private readonly Queue<string> _stderrTail = new();
    private readonly Lock _tickGate = new();
    private TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;
    private ReaderLayout _layout;
    private bool _wasUp;
    private string? _lastStopReason;
    private string? _lastErrorReported;
    private string? _lastProfile;
    private StreamSample? _lastSample;
    private RoomSample? _lastRoomSample;

    /// <summary>
    /// Told after every sampling step that reached the sink, and stopped when <see cref="RunAsync"/> ends: the edge's
    /// sign of life for systemd's watchdog (a step runs every second, stream up or down, so a silent one means a hang).
    /// </summary>
    public LoopBeacon? Beacon { get; init; }

    public StreamMonitor(IMetricSink sink, StreamMonitorOptions options, string name, TimeProvider time, ILogger<StreamMonitor>? logger = null, IReadOnlyList<IFrameConsumer>? frameConsumers = null)
    {
        _sink = sink;
        _options = options;
        _name = name;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _meter = new StreamMeter(time, options.Window, options.StallTimeout);
        var t = options.Thresholds;
        _audio = new AudioMeter(time, t.SilenceFloorLufs, t.ClipLevelDbfs, options.StallTimeout);
        _picture = new PictureMeter(time, t.BlackLumaP98, ProbeDefaults.StillBlockDelta, ProbeDefaults.StillShare);
        _frameConsumers = [_picture, .. frameConsumers ?? []];
        _evaluator = new RoomEvaluator(options.Profile, t, options.Window);
        _conditions = new ConditionTracker(time);
        _layout = options.Decode ? ReaderLayout.Full : ReaderLayout.PacketsOnly;
    }

    /// <summary>The latest stream sample (null before the first tick).</summary>
    public StreamSample? LastSample => Volatile.Read(ref _lastSample);

    /// <summary>The latest full sample with its conditions (null before the first tick).</summary>
    public RoomSample? LastRoomSample => Volatile.Read(ref _lastRoomSample);

    /// <summary>Called on the timer after every sampling step (the check command collects them).</summary>
    internal Action<RoomSample>? OnSample { get; init; }

    /// <summary>Why the reader last stopped or failed to start (null while none did).</summary>
    public string? LastStopReason => Volatile.Read(ref _lastStopReason);

    /// <summary>Reader processes started so far.</summary>
    public int Starts { get; private set; }

    /// <summary>Runs the reader (restarting it as needed) and the sampling timer until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _timer = _time.CreateTimer(static s => ((StreamMonitor)s!).Tick(), this, _options.SampleInterval, _options.SampleInterval);
        var delay = _options.RestartMinDelay;
        ReaderPipes? pipes = null;
        try
        {
            pipes = ReaderPipes.Create();

            while (!cancellationToken.IsCancellationRequested)
            {
                var (hadPackets, relayout) = await RunReaderOnceAsync(pipes, cancellationToken).ConfigureAwait(false);
                delay = hadPackets || relayout ? _options.RestartMinDelay : Min(delay * 2, _options.RestartMaxDelay);
                StreamLog.Restarting(_logger, _name, delay.TotalSeconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Quiet exit.
        }
        finally
        {
            _timer.Dispose();
            Beacon?.Stop();
            pipes?.Dispose();
        }
    }

    public void Dispose() => _timer?.Dispose();

    /// <returns>Whether packets flowed, and whether the reader must start again at once with another layout.</returns>
    private async Task<(bool HadPackets, bool Relayout)> RunReaderOnceAsync(ReaderPipes pipes, CancellationToken cancellationToken)
    {
        _meter.Reset();
        _audio.Reset();
        _picture.Reset();
        _stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var layout = _options.Decode ? _layout : ReaderLayout.PacketsOnly;
        ChildProcess child;
        try
        {
            child = ChildProcess.Start(
                new ChildProcessStartInfo
                {
                    Name = "ffmpeg " + _name,
                    FileName = _options.Ffmpeg,
                    Arguments = FfmpegArguments.For(_options.SourceUrl, layout, _options.Frames, pipes),
                    Environment = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["FFREPORT"] = FfmpegArguments.Report(pipes.Log),
                        [ReaderMemory.Variable] = ReaderMemory.Tunables(Environment.GetEnvironmentVariable(ReaderMemory.Variable)),
                    },
                    StderrLine = OnStderrLine,
                },
                _logger);
            Starts++;
        }
        catch (ProcessFailedException ex)
        {
            ReportFailure(ex.Message);
            StreamLog.StartFailed(_logger, _name, ex.Message);
            return (false, false);
        }

        var readers = StartPipeReaders(pipes, layout);

        // Ends this run's waits when the run ends, so restarts do not pile up pending delays.
        using var thisRun = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using (child.ConfigureAwait(false))
        {
            StreamLog.ReaderStarted(_logger, _name, child.Id, _options.SourceUrl);
            var cancelled = Task.Delay(Timeout.InfiniteTimeSpan, thisRun.Token);
            var relayout = WaitForLayoutMismatchAsync(layout, child.Exited, thisRun.Token);
            var first = await Task.WhenAny(child.Exited, _stalled.Task, cancelled, relayout).ConfigureAwait(false);
            await thisRun.CancelAsync().ConfigureAwait(false);
            var hadPackets = _meter.HadPackets;
            string? reason = null;
            if (first == cancelled)
            {
                await child.StopAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
            }
            else if (first == relayout)
            {
                child.Kill();
                await child.Exited.ConfigureAwait(false);
            }
            else if (first == _stalled.Task)
            {
                reason = StallReason(_options.StallTimeout);
                Append(Detection.EventPoints.Create(Contracts.Payloads.EventTypes.StreamStalled, Now(), reason, _options.StallTimeout.TotalSeconds));
                child.Kill();
                await child.Exited.ConfigureAwait(false);
            }
            else
            {
                var tail = StderrTail();
                reason = ExitReason(child.ExitCode, tail);
            }

            await ReleasePipesAsync(pipes, readers).ConfigureAwait(false);

            // The packets FIFO is read in batches: lines written just before the exit are only counted now.
            hadPackets = _meter.HadPackets;
            var relaid = first == relayout || AdaptLayout(layout);
            if (reason is not null && !relaid)
            {
                if (!hadPackets)
                {
                    ReportFailure(reason);
                }
                else
                {
                    Volatile.Write(ref _lastStopReason, reason);
                }

                StreamLog.ReaderStopped(_logger, _name, reason);
            }

            _meter.Reset();
            return (hadPackets, relaid);
        }
    }

    /// <summary>Why the reader was restarted after a stall (the stream_stalled event's and a stop's message).</summary>
    internal static string StallReason(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"no packets for {timeout.TotalSeconds:0.#} s");

    /// <summary>Why the reader stopped by itself: ffmpeg's exit code and the tail of what it wrote (its own words).</summary>
    internal static string ExitReason(int? exitCode, string stderrTail) =>
        string.Create(CultureInfo.InvariantCulture, $"ffmpeg exited with code {exitCode}") + (stderrTail.Length > 0 ? ": " + stderrTail : string.Empty);

    private void ReportFailure(string reason)
    {
        Volatile.Write(ref _lastStopReason, reason);
        if (!string.Equals(reason, _lastErrorReported, StringComparison.Ordinal))
        {
            _lastErrorReported = reason;
            Append(Detection.EventPoints.Create(Contracts.Payloads.EventTypes.SourceError, Now(), reason));
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private void Append(Contracts.Payloads.MetricPoint point)
    {
        try
        {
            _sink.Append(point);
        }
        catch (OutboxException ex)
        {
            StreamLog.AppendFailed(_logger, _name, ex.Message);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>ffmpeg's log context address (<c>[tcp @ 0x55ed36dee580]</c>) differs per run; without it equal errors read equal.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@" @ 0x[0-9a-f]+", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ContextAddress();
}
