using System.Globalization;
using System.Text.Json;
using LiveRoom.Probe.Sinks;

namespace LiveRoom.Probe.Obs;

public sealed partial class ObsMonitor
{
    private readonly Lock _stateGate = new();
    private readonly Dictionary<string, int> _failing = new(StringComparer.Ordinal);
    private ObsLink _link;
    private bool? _active;
    private bool? _reconnecting;
    private bool _dropsHigh;
    private ObsReading? _lastReading;

    /// <summary>The last poll's values (null before the first).</summary>
    internal ObsReading? LastReading => Volatile.Read(ref _lastReading);

    /// <summary>One poll: the three requests at once (correlated by requestId), then the point and any events.</summary>
    /// <exception cref="ObsException">the session broke or a request timed out.</exception>
    internal async Task PollOnceAsync(ObsConnection connection, CancellationToken cancellationToken)
    {
        var streamTask = connection.RequestAsync(ObsProtocol.GetStreamStatus, cancellationToken);
        var statsTask = connection.RequestAsync(ObsProtocol.GetStats, cancellationToken);
        var videoTask = connection.RequestAsync(ObsProtocol.GetVideoSettings, cancellationToken);
        await Task.WhenAll(streamTask, statsTask, videoTask).ConfigureAwait(false);
        var at = _time.GetTimestamp();
        var ts = _time.GetUtcNow().ToUnixTimeMilliseconds();

        var stream = Parse(streamTask.Result, ObsResponses.StreamStatus, ts);
        var stats = Parse(statsTask.Result, ObsResponses.Stats, ts);
        var video = Parse(videoTask.Result, ObsResponses.VideoSettings, ts);
        var reading = _meter.Next(stream, stats, video, at);
        lock (_stateGate)
        {
            if (stream is not null)
            {
                SetActive(stream.Active, ts, "GetStreamStatus");
                SetReconnecting(stream.Reconnecting, ts);
            }

            CheckDrops(reading, ts);
            Append(ObsPoints.Measurement(reading, ts));
        }

        Volatile.Write(ref _lastReading, reading);
    }

    private T? Parse<T>(ObsRequestResult result, Func<JsonElement, T> parse, long ts)
        where T : class
    {
        int code;
        string detail;
        if (result is { Ok: true, Data: { } data })
        {
            try
            {
                var value = parse(data);
                lock (_stateGate)
                {
                    if (_failing.Remove(result.RequestType))
                    {
                        ObsLog.RequestRecovered(_logger, _name, result.RequestType);
                    }
                }

                return value;
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                (code, detail) = (-1, $"{result.RequestType}: malformed responseData: {ex.Message}");
            }
        }
        else
        {
            (code, detail) = (result.Code, result.Ok ? $"{result.RequestType}: no responseData" : result.Describe());
        }

        lock (_stateGate)
        {
            // One event per change of refusal, not one per second.
            if (!_failing.TryGetValue(result.RequestType, out var last) || last != code)
            {
                _failing[result.RequestType] = code;
                ObsLog.RequestFailed(_logger, _name, detail);
                Append(SinkPoints.Event(ObsPoints.EventRequestFailed, ts, detail));
            }
        }

        return null;
    }

    /// <summary>Events from OBS (op 5), on the connection's receive loop.</summary>
    private void OnEvent(string eventType, JsonElement? data)
    {
        if (eventType != ObsProtocol.StreamStateChanged || data is not { } d)
        {
            return;
        }

        var ts = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var state = d.TryGetProperty("outputState", out var s) ? s.GetString() ?? string.Empty : string.Empty;
        lock (_stateGate)
        {
            if (d.TryGetProperty("outputActive", out var a) && a.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                SetActive(a.GetBoolean(), ts, state);
            }

            if (state == ObsProtocol.OutputReconnecting)
            {
                SetReconnecting(true, ts);
            }
            else if (state == ObsProtocol.OutputReconnected)
            {
                SetReconnecting(false, ts);
            }
        }
    }

    private void SetLink(ObsLink link, string detail)
    {
        lock (_stateGate)
        {
            if (link == _link)
            {
                return;
            }

            _link = link;
            if (link != ObsLink.Connected)
            {
                // Unknown until OBS answers again: announced afresh after the reconnect.
                _active = null;
                _reconnecting = null;
                _dropsHigh = false;
                _failing.Clear();
            }

            var type = link switch
            {
                ObsLink.Connected => ObsPoints.EventConnected,
                ObsLink.AuthFailed => ObsPoints.EventAuthFailed,
                ObsLink.Invalidated => ObsPoints.EventSessionInvalidated,
                _ => ObsPoints.EventDisconnected,
            };
            Raise(type, _time.GetUtcNow().ToUnixTimeMilliseconds(), detail);
        }
    }

    private void SetActive(bool active, long ts, string detail)
    {
        if (_active != active)
        {
            _active = active;
            Raise(active ? ObsPoints.EventStreamActive : ObsPoints.EventStreamInactive, ts, detail);
        }
    }

    private void SetReconnecting(bool reconnecting, long ts)
    {
        if (_reconnecting == reconnecting)
        {
            return;
        }

        // "reconnected" only after a known reconnecting state; the first observation of a healthy output says nothing.
        var wasReconnecting = _reconnecting == true;
        _reconnecting = reconnecting;
        if (reconnecting)
        {
            Raise(ObsPoints.EventReconnecting, ts, "the stream output lost its connection and is reconnecting");
        }
        else if (wasReconnecting)
        {
            Raise(ObsPoints.EventReconnected, ts, "the stream output is connected again");
        }
    }

    private void CheckDrops(ObsReading reading, long ts)
    {
        if (reading.NetworkDroppedPercent is not { } percent)
        {
            return;
        }

        var high = percent > _options.NetworkDropThresholdPercent;
        if (high == _dropsHigh)
        {
            return;
        }

        _dropsHigh = high;
        var skipped = reading.NetworkSkipped?.Delta ?? 0;
        var total = reading.NetworkTotal?.Delta ?? 0;
        Raise(
            high ? ObsPoints.EventNetworkDrops : ObsPoints.EventNetworkDropsCleared,
            ts,
            string.Create(CultureInfo.InvariantCulture, $"{skipped} of {total} frames ({percent:0.##} %) dropped by the network in the last interval; threshold {_options.NetworkDropThresholdPercent:0.##} %"));
    }

    private void Raise(string type, long ts, string detail)
    {
        ObsLog.StateChanged(_logger, _name, type, detail);
        Append(SinkPoints.Event(type, ts, detail));
    }
}
