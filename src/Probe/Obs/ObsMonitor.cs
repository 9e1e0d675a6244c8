using LiveRoom.Probe.Outbox;
using LiveRoom.Probe.Sinks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Obs;

/// <summary>
/// One room's OBS Studio (issue 4 item 5): connects to obs-websocket 5, polls GetStreamStatus, GetStats and
/// GetVideoSettings every <see cref="ObsOptions.PollInterval"/> and appends an <c>obs</c> point (<c>connected=false</c>
/// while OBS cannot be reached), plus <c>event</c> points on change (see <see cref="ObsPoints"/>). Reconnects with a
/// doubling backoff; after close code 4011 (kicked) it stops, as the protocol requires.
/// </summary>
public sealed partial class ObsMonitor
{
    private readonly IMetricSink _sink;
    private readonly ObsOptions _options;
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ObsMeter _meter;
    private long _connections;
    private long _badMessages;

    public ObsMonitor(IMetricSink sink, ObsOptions options, string name, TimeProvider time, ILogger<ObsMonitor>? logger = null)
    {
        _sink = sink;
        _options = options;
        _name = name;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _meter = new ObsMeter(time);
    }

    /// <summary>Sessions identified so far.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Messages from OBS that could not be understood (skipped).</summary>
    public long BadMessages => Interlocked.Read(ref _badMessages);

    /// <summary>Runs until cancelled (returns at once when <see cref="ObsOptions.Enabled"/> is false).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var delay = _options.ReconnectMinDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var connection = await ConnectOnceAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    delay = _options.ReconnectMinDelay;
                    var reason = await PollUntilClosedAsync(connection, cancellationToken).ConfigureAwait(false);
                    if (HandleFailure(reason, delay))
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObsException ex)
            {
                if (HandleFailure(ex, delay))
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                ObsLog.Failed(_logger, ex, _name);
                SetLink(ObsLink.Disconnected, ex.Message);
            }

            Append(ObsPoints.NotConnected(_time.GetUtcNow().ToUnixTimeMilliseconds()));
            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = delay * 2 < _options.ReconnectMaxDelay ? delay * 2 : _options.ReconnectMaxDelay;
        }
    }

    /// <summary>Connects and identifies once; announces the connection.</summary>
    internal async Task<ObsConnection> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var connection = await ObsConnection.ConnectAsync(
            new Uri(_options.Url),
            _options.Password,
            ObsProtocol.SubscribeOutputs,
            _options.RequestTimeout,
            OnEvent,
            OnBadMessage,
            cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _connections);
        _meter.Reset();
        ObsLog.Connected(_logger, _name, _options.Url, connection.ObsStudioVersion, connection.ObsWebSocketVersion, connection.NegotiatedRpcVersion, connection.Authenticated);
        SetLink(ObsLink.Connected, connection.ObsStudioVersion);
        return connection;
    }

    /// <summary>Logs and reports why the session ended; true when the protocol forbids reconnecting.</summary>
    private bool HandleFailure(ObsException reason, TimeSpan delay)
    {
        if (reason.CloseCode == ObsProtocol.CloseSessionInvalidated)
        {
            ObsLog.SessionInvalidated(_logger, _name);
            SetLink(ObsLink.Invalidated, reason.Message);
            Append(ObsPoints.NotConnected(_time.GetUtcNow().ToUnixTimeMilliseconds()));
            return true;
        }

        if (reason is ObsAuthenticationException)
        {
            ObsLog.AuthenticationFailed(_logger, _name, delay.TotalSeconds);
            SetLink(ObsLink.AuthFailed, reason.Message);
        }
        else
        {
            ObsLog.Disconnected(_logger, _name, reason.Message, delay.TotalSeconds);
            SetLink(ObsLink.Disconnected, reason.Message);
        }

        return false;
    }

    private async Task<ObsException> PollUntilClosedAsync(ObsConnection connection, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        while (true)
        {
            try
            {
                await PollOnceAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (ObsException ex)
            {
                return ex;
            }

            var tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
            if (await Task.WhenAny(tick, connection.Closed).ConfigureAwait(false) == connection.Closed)
            {
                return await connection.Closed.ConfigureAwait(false);
            }

            await tick.ConfigureAwait(false);
        }
    }

    private void OnBadMessage(Exception exception) =>
        ObsLog.BadMessage(_logger, exception, _name, Interlocked.Increment(ref _badMessages));

    private void Append(Contracts.Payloads.MetricPoint point)
    {
        try
        {
            _sink.Append(point);
        }
        catch (Exception ex)
        {
            // A storage failure loses this point, not the collector.
            ObsLog.AppendFailed(_logger, ex, _name);
        }
    }
}
