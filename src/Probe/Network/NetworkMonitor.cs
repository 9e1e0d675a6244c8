using LiveRoom.Probe.Outbox;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Sinks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Network;

/// <summary>
/// The room's network (issue 4 item 6): every <see cref="NetworkOptions.SampleInterval"/> a <c>network</c> point with
/// the NIC's tx/rx rates; every <see cref="NetworkOptions.RttInterval"/> the RTT and loss of TCP connects to the ingest
/// host (events <c>ingest_unreachable</c>/<c>ingest_reachable</c> on change); every
/// <see cref="NetworkOptions.ClockSyncInterval"/> a clock exchange with the uplink endpoint. The checklist runs the
/// active test through <see cref="RunUplinkTestAsync"/>.
/// </summary>
public sealed partial class NetworkMonitor
{
    private readonly IMetricSink _sink;
    private readonly NetworkOptions _options;
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly ClockOffsetEstimator _clock;
    private readonly UplinkTester? _uplink;
    private readonly ILogger _logger;
    private readonly NicRateMeter _meter;
    private readonly TcpRttProber _prober;
    private readonly Lock _gate = new();
    private string? _interface;
    private bool _interfaceReported;
    private bool? _reachable;
    private long? _lastRttAt;
    private long? _lastClockAt;
    private double? _pendingUplinkMbps;

    /// <summary>Without an <c>uplink</c> tester there is no uplink test and no clock exchange.</summary>
    public NetworkMonitor(IMetricSink sink, NetworkOptions options, string name, TimeProvider time, ClockOffsetEstimator clock, UplinkTester? uplink, ILogger<NetworkMonitor>? logger = null)
    {
        _sink = sink;
        _options = options;
        _name = name;
        _time = time;
        _clock = clock;
        _uplink = uplink;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _meter = new NicRateMeter(time);
        _prober = new TcpRttProber(time);
    }

    /// <summary>The interface measured (null before the first sample or when none was found).</summary>
    public string? Interface => Volatile.Read(ref _interface);

    /// <summary>Samples until cancelled; one failed sample is logged and the next one tried.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.SampleInterval, _time);
        try
        {
            do
            {
                try
                {
                    await SampleOnceAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    NetworkLog.SampleFailed(_logger, ex, _name);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Quiet exit.
        }
    }

    /// <summary>
    /// The active uplink test against <see cref="NetworkOptions.UplinkUrl"/>: the result, and the verdict against
    /// 4 Mbit/s and <paramref name="streamBitsPerSecond"/> + headroom. The measured Mbit/s goes into the next point;
    /// a verdict other than pass raises <c>uplink_low</c>.
    /// </summary>
    public async Task<(UplinkTestResult Result, UplinkVerdict Verdict)> RunUplinkTestAsync(double? streamBitsPerSecond, CancellationToken cancellationToken)
    {
        var ts = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = _uplink is null || string.IsNullOrWhiteSpace(_options.UplinkUrl)
            ? UplinkTestResult.Failed("no uplink endpoint configured (Probe:Network:UplinkUrl)")
            : await _uplink.RunAsync(new Uri(_options.UplinkUrl), _options.UplinkTestDuration, cancellationToken).ConfigureAwait(false);
        var verdict = UplinkVerdict.Evaluate(result.Ok ? result.Mbps : null, streamBitsPerSecond, _options.MinUplinkMbps, _options.HeadroomPercent);
        if (result.BusyWaited > TimeSpan.Zero)
        {
            NetworkLog.UplinkTestWaited(_logger, _name, result.BusyWaited.TotalSeconds);
        }

        if (!result.Ok)
        {
            NetworkLog.UplinkTestFailed(_logger, _name, result.Error!);
            Append(SinkPoints.Event(NetworkPoints.EventUplinkTestFailed, ts, result.Error));
            return (result, verdict);
        }

        if (result.Clock is { } sample)
        {
            _clock.Add(sample);
        }

        NetworkLog.UplinkTested(_logger, _name, verdict.Level.ToString(), verdict.Reason);
        lock (_gate)
        {
            _pendingUplinkMbps = result.Mbps;
        }

        if (verdict.Level != VerdictLevel.Pass)
        {
            Append(SinkPoints.Event(NetworkPoints.EventUplinkLow, ts, verdict.Reason));
        }

        return (result, verdict);
    }

    /// <summary>One sample: NIC rates, and the RTT probe and clock exchange when they are due.</summary>
    internal async Task SampleOnceAsync(CancellationToken cancellationToken)
    {
        var (tx, rx) = ReadNic();
        var rtt = IsDue(ref _lastRttAt, _options.RttInterval) && !string.IsNullOrWhiteSpace(_options.IngestHost)
            ? await ProbeRttAsync(cancellationToken).ConfigureAwait(false)
            : null;
        ClockOffset? clock = null;
        if (_uplink is not null && !string.IsNullOrWhiteSpace(_options.UplinkUrl) && IsDue(ref _lastClockAt, _options.ClockSyncInterval))
        {
            if (await _uplink.ExchangeTimeAsync(new Uri(_options.UplinkUrl), _options.RttTimeout * 5, cancellationToken).ConfigureAwait(false) is { } sample)
            {
                _clock.Add(sample);
                clock = _clock.Current;
            }
        }

        double? uplink;
        lock (_gate)
        {
            (uplink, _pendingUplinkMbps) = (_pendingUplinkMbps, null);
        }

        Append(NetworkPoints.Measurement(_time.GetUtcNow().ToUnixTimeMilliseconds(), tx, rx, rtt, uplink, clock));
    }

    private bool IsDue(ref long? lastAt, TimeSpan interval)
    {
        var now = _time.GetTimestamp();
        if (lastAt is { } last && _time.GetElapsedTime(last, now) < interval)
        {
            return false;
        }

        lastAt = now;
        return true;
    }

    private void Append(MetricPoint point)
    {
        try
        {
            _sink.Append(point);
        }
        catch (Exception ex)
        {
            NetworkLog.SampleFailed(_logger, ex, _name);
        }
    }
}
