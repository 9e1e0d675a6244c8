using LiveRoom.Probe.Outbox;
using LiveRoom.Runtime.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Stream;

/// <summary>
/// One room's stream: a single long-running ffmpeg reader (see <see cref="FfmpegArguments"/>) drained line by line,
/// and every <see cref="StreamMonitorOptions.SampleInterval"/> a <c>stream</c> point appended to the outbox (up=false
/// while there is no stream). Events <c>stream_started</c>/<c>stream_stopped</c> on change. When ffmpeg exits, or
/// packets stop for the stall timeout, it is restarted with a doubling backoff (reset once packets flowed again).
/// </summary>
public sealed partial class StreamMonitor : IDisposable
{
    private readonly DiskOutbox _outbox;
    private readonly StreamMonitorOptions _options;
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StreamMeter _meter;
    private readonly Lock _tickGate = new();
    private TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;
    private bool _wasUp;
    private string? _lastStopReason;
    private StreamSample? _lastSample;

    public StreamMonitor(DiskOutbox outbox, StreamMonitorOptions options, string name, TimeProvider time, ILogger<StreamMonitor>? logger = null)
    {
        _outbox = outbox;
        _options = options;
        _name = name;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _meter = new StreamMeter(time, options.Window, options.StallTimeout);
    }

    /// <summary>The latest sample (null before the first tick).</summary>
    public StreamSample? LastSample => Volatile.Read(ref _lastSample);

    /// <summary>Reader processes started so far.</summary>
    public int Starts { get; private set; }

    /// <summary>Runs the reader (restarting it as needed) and the sampling timer until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _timer = _time.CreateTimer(static s => ((StreamMonitor)s!).Tick(), this, _options.SampleInterval, _options.SampleInterval);
        var delay = _options.RestartMinDelay;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var hadPackets = await RunReaderOnceAsync(cancellationToken).ConfigureAwait(false);
                delay = hadPackets ? _options.RestartMinDelay : Min(delay * 2, _options.RestartMaxDelay);
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
        }
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>One sampling step (the timer's callback): append the measurement and any up/down event.</summary>
    internal void Tick()
    {
        if (!_tickGate.TryEnter())
        {
            return;
        }

        try
        {
            var sample = _meter.Sample();
            var ts = _time.GetUtcNow().ToUnixTimeMilliseconds();
            if (sample.Up != _wasUp)
            {
                _outbox.Append(sample.Up
                    ? StreamPoints.Event(StreamPoints.StreamStarted, ts)
                    : StreamPoints.Event(StreamPoints.StreamStopped, ts, Volatile.Read(ref _lastStopReason)));
                StreamLog.UpChanged(_logger, _name, sample.Up);
                _wasUp = sample.Up;
            }

            _outbox.Append(StreamPoints.Measurement(sample, ts));

            // Published last, so whoever sees this sample also finds its points in the outbox.
            Volatile.Write(ref _lastSample, sample);
            if (_meter.IsStalled())
            {
                _stalled.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            // A timer callback must never throw; the next tick tries again.
            StreamLog.TickFailed(_logger, ex, _name);
        }
        finally
        {
            _tickGate.Exit();
        }
    }

    private async Task<bool> RunReaderOnceAsync(CancellationToken cancellationToken)
    {
        _meter.Reset();
        _stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ChildProcess child;
        try
        {
            child = ChildProcess.Start(
                new ChildProcessStartInfo
                {
                    Name = "ffmpeg " + _name,
                    FileName = _options.Ffmpeg,
                    Arguments = FfmpegArguments.For(_options.SourceUrl),
                    StdoutLine = _meter.OnLine,
                },
                _logger);
            Starts++;
        }
        catch (ProcessFailedException ex)
        {
            Volatile.Write(ref _lastStopReason, ex.Message);
            StreamLog.StartFailed(_logger, _name, ex.Message);
            return false;
        }

        await using (child.ConfigureAwait(false))
        {
            StreamLog.ReaderStarted(_logger, _name, child.Id, _options.SourceUrl);
            var cancelled = Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            var first = await Task.WhenAny(child.Exited, _stalled.Task, cancelled).ConfigureAwait(false);
            var hadPackets = _meter.Sample().Up || first == _stalled.Task;
            if (first == cancelled)
            {
                await child.StopAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
                return hadPackets;
            }

            string reason;
            if (first == _stalled.Task)
            {
                reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no packets for {_options.StallTimeout.TotalSeconds:0.#} s");
                child.Kill();
                await child.Exited.ConfigureAwait(false);
            }
            else
            {
                var tail = child.StderrTail(5);
                reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ffmpeg exited with code {child.ExitCode}") + (tail.Length > 0 ? ": " + tail : string.Empty);
            }

            Volatile.Write(ref _lastStopReason, reason);
            StreamLog.ReaderStopped(_logger, _name, reason);
            _meter.Reset();
            return hadPackets;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
