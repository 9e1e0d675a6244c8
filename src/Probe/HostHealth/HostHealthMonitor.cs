using LiveRoom.Probe.Outbox;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Network;
using LiveRoom.Probe.Sinks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.HostHealth;

/// <summary>
/// The studio PC's health (issue 4 item 7, seed clause 7.4.4): every <see cref="HostHealthOptions.SampleInterval"/> a
/// <c>host</c> point with CPU (from /proc/stat deltas), memory (/proc/meminfo), free disk where recordings go, CPU
/// temperature where the kernel exposes it, the probe's own CPU and RSS (/proc/self), and the clock offset against
/// the collector when the estimator has one. Each source that cannot be read is left out of the point, not fatal.
/// </summary>
public sealed partial class HostHealthMonitor
{
    private readonly IMetricSink _sink;
    private readonly HostHealthOptions _options;
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly ClockOffsetEstimator? _clock;
    private readonly ILogger _logger;
    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);
    private CpuTimes? _lastCpu;
    private (long Ticks, long At)? _lastSelf;
    private (string TempPath, string Type)? _thermal;
    private bool _thermalLooked;

    public HostHealthMonitor(IMetricSink sink, HostHealthOptions options, string name, TimeProvider time, ClockOffsetEstimator? clock = null, ILogger<HostHealthMonitor>? logger = null)
    {
        _sink = sink;
        _options = options;
        _name = name;
        _time = time;
        _clock = clock;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.SampleInterval, _time);
        try
        {
            do
            {
                SampleOnce();
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Quiet exit.
        }
    }

    /// <summary>Takes one sample and appends it (never throws: a failure is logged and the next sample tries again).</summary>
    internal void SampleOnce()
    {
        try
        {
            var f = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
            AddCpu(f);
            AddMemory(f);
            AddDisk(f);
            AddTemperature(f);
            AddSelf(f);
            if (_clock?.Current is { } offset)
            {
                f[HostPoints.ClockOffsetMs] = Math.Round(offset.Offset.TotalMilliseconds, 3);
                f[HostPoints.ClockDelayMs] = Math.Round(offset.Delay.TotalMilliseconds, 3);
            }

            if (f.Count > 0)
            {
                _sink.Append(SinkPoints.Measurement(MetricKind.Host, _time.GetUtcNow().ToUnixTimeMilliseconds(), f));
            }
        }
        catch (Exception ex)
        {
            HostHealthLog.SampleFailed(_logger, ex, _name);
        }
    }

    /// <summary>Runs one source; a failure is logged once until it recovers (a missing file stays missing every 5 s).</summary>
    private void Read(string what, Action read)
    {
        try
        {
            read();
            _failing.Remove(what);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            if (_failing.Add(what))
            {
                HostHealthLog.ReadFailed(_logger, _name, what, ex.Message);
            }
        }
    }

    private string Proc(params string[] parts) => Path.Combine([_options.ProcRoot, .. parts]);
}
