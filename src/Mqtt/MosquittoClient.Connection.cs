using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using LiveRoom.Mqtt.Interop;

namespace LiveRoom.Mqtt;

/// <summary>Connect, reconnect with jittered backoff, disconnect: owning thread only.</summary>
public sealed partial class MosquittoClient
{
    private string Endpoint => string.Create(CultureInfo.InvariantCulture, $"{_options.Host}:{_options.Port}");

    private void ExecuteConnect(TaskCompletionSource completion)
    {
        switch (_state)
        {
            case LoopState.Connected:
                completion.TrySetResult();
                return;
            case LoopState.Connecting when _connectCompletion is not null:
                completion.TrySetException(new InvalidOperationException("a connect is already in progress"));
                return;
            case LoopState.Connecting:
                // A reconnect is under way: wait for its CONNACK.
                _connectCompletion = completion;
                return;
        }

        if (_state == LoopState.Disconnecting)
        {
            // A new connection supersedes the goodbye still being written.
            _disconnectCompletion?.TrySetResult();
            _disconnectCompletion = null;
        }

        _connectCompletion = completion;
        var failure = StartConnect();
        if (failure is not null)
        {
            _connectCompletion = null;
            completion.TrySetException(failure);
            if (_everConnected && _state != LoopState.Idle)
            {
                ScheduleReconnect();
            }
            else
            {
                _state = LoopState.Idle;
            }
        }
    }

    /// <summary>
    /// TCP connect (blocking, as the library does it), TLS set-up and CONNECT. The CONNACK arrives later in
    /// <see cref="HandleConnect"/>. <c>mosquitto_connect_bind_v5</c> is used for reconnects as well, because
    /// <c>mosquitto_reconnect</c> does not resend the CONNECT properties (the session expiry would be lost).
    /// Messages the library holds in its queue survive this call.
    /// </summary>
    private MqttConnectException? StartConnect()
    {
        _lastLibraryError = null;
        _deadSocket = -1;
        var keepAlive = (int)_options.KeepAlive.TotalSeconds;
        var rc = NativeMethods.ConnectBindV5(_mosq, _options.Host, _options.Port, keepAlive, null, _connectProperties);
        if (rc == MosquittoConstants.ErrSuccess)
        {
            _state = LoopState.Connecting;
            return null;
        }

        var errno = Marshal.GetLastPInvokeError();
        var text = rc == MosquittoConstants.ErrErrno ? Marshal.GetPInvokeErrorMessage(errno) : MosquittoLibrary.ErrorText(rc);
        if (_lastLibraryError is not null)
        {
            text = text + "; " + _lastLibraryError;
        }

        return new MqttConnectException(string.Create(CultureInfo.InvariantCulture, $"MQTT connect to {Endpoint} failed: {text} (MOSQ_ERR {rc})"), -1, rc);
    }

    private void Reconnect()
    {
        var failure = StartConnect();
        if (failure is null)
        {
            return;
        }

        Log.ReconnectFailed(_logger, Endpoint, failure.Message);
        ScheduleReconnect();
    }

    private void ScheduleReconnect()
    {
        var delay = Backoff(_attempt++);
        _state = LoopState.WaitingToReconnect;
        _reconnectDue = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        Log.ReconnectScheduled(_logger, Endpoint, (long)delay.TotalMilliseconds, _attempt);
    }

    /// <summary>Exponential from ReconnectMinDelay, capped at ReconnectMaxDelay, "equal jitter" (half fixed, half random).</summary>
    private TimeSpan Backoff(int attempt)
    {
        var min = _options.ReconnectMinDelay.TotalMilliseconds;
        var max = _options.ReconnectMaxDelay.TotalMilliseconds;
        var ceiling = Math.Min(max, min * Math.Pow(2, Math.Min(attempt, 30)));
        var jittered = (ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2);
        return TimeSpan.FromMilliseconds(Math.Max(min, jittered));
    }

    private void ExecuteAbortConnect()
    {
        // ConnectAsync timed out or was cancelled: stop this attempt, and do not retry unless ever connected.
        if (_state != LoopState.Connecting)
        {
            return;
        }

        _connectCompletion?.TrySetException(new MqttConnectException($"connect to {Endpoint} abandoned by the caller"));
        _connectCompletion = null;
        if (!_everConnected)
        {
            BeginDisconnect(null);
        }
    }

    private void ExecuteDisconnect(TaskCompletionSource completion)
    {
        _everConnected = false;
        _connectCompletion?.TrySetException(new MqttConnectException($"connect to {Endpoint} abandoned: DisconnectAsync was called"));
        _connectCompletion = null;
        switch (_state)
        {
            case LoopState.Connected or LoopState.Connecting:
                BeginDisconnect(completion);
                break;
            case LoopState.Disconnecting when _disconnectCompletion is not null:
                _disconnectCompletion.Task.ContinueWith(_ => completion.TrySetResult(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                break;
            case LoopState.Disconnecting:
                _disconnectCompletion = completion;
                break;
            default:
                _state = LoopState.Idle;
                completion.TrySetResult();
                break;
        }
    }

    private void BeginDisconnect(TaskCompletionSource? completion)
    {
        _state = LoopState.Disconnecting;
        _disconnectCompletion = completion;
        // Queues DISCONNECT (reason 0: normal, so no will [MQTT-3.14.4-3]); once written the library closes
        // the socket and calls OnDisconnect, possibly right inside this call.
        var rc = NativeMethods.DisconnectV5(_mosq, 0, 0);
        if (rc != MosquittoConstants.ErrSuccess && _state == LoopState.Disconnecting)
        {
            MarkDisconnected(rc, "not connected");
        }
    }

    private void MarkDisconnected(int reasonCode, string reason)
    {
        var wasConnected = _connected;
        _state = LoopState.Idle;
        _connected = false;
        _disconnectCompletion?.TrySetResult();
        _disconnectCompletion = null;
        if (wasConnected)
        {
            RaiseConnectionChanged(false, reasonCode, reason);
        }
    }

    /// <summary>CONNACK (any reason code), on the owning thread inside loop_read.</summary>
    private void HandleConnect(int reasonCode, int flags)
    {
        if (reasonCode == 0)
        {
            _state = LoopState.Connected;
            _connected = true;
            _attempt = 0;
            _sessionPresent = (flags & 1) != 0;
            _everConnected = true;
            _resubscribeDue = _subscriptions.Count > 0;
            Log.Connected(_logger, Endpoint, _options.ClientId, _sessionPresent);
            _connectCompletion?.TrySetResult();
            _connectCompletion = null;
            RaiseConnectionChanged(true, 0, null);
            return;
        }

        // Refused: the library closes the socket next and calls OnDisconnect, which schedules a retry if due.
        var text = MosquittoLibrary.ReasonText(reasonCode);
        Log.ConnectRefused(_logger, Endpoint, reasonCode, text);
        _connectCompletion?.TrySetException(new MqttConnectException(
            string.Create(CultureInfo.InvariantCulture, $"broker {Endpoint} refused the connection: {text} (reason code 0x{reasonCode:X2})"),
            reasonCode,
            0));
        _connectCompletion = null;
    }

    /// <summary>The socket closed: requested, refused, lost, TLS failure or keepalive timeout.</summary>
    private void HandleDisconnect(int rc)
    {
        _disconnectsSeen++;
        if (_state == LoopState.Disconnecting)
        {
            MarkDisconnected(0, "disconnected by the client");
            return;
        }

        var text = MosquittoLibrary.ErrorText(rc);
        if (_lastLibraryError is not null)
        {
            text = text + "; " + _lastLibraryError;
        }

        if (_connectCompletion is not null)
        {
            _connectCompletion.TrySetException(new MqttConnectException(string.Create(CultureInfo.InvariantCulture, $"MQTT connect to {Endpoint} failed: {text} (MOSQ_ERR {rc})"), -1, rc));
            _connectCompletion = null;
        }

        // SUBACKs for these mids will never come; the filters are renewed after the next CONNACK.
        _subscribeMids.Clear();
        var wasConnected = _connected;
        _connected = false;
        if (wasConnected)
        {
            Log.ConnectionLost(_logger, Endpoint, text);
            RaiseConnectionChanged(false, rc, text);
        }

        if (_everConnected)
        {
            ScheduleReconnect();
        }
        else
        {
            _state = LoopState.Idle;
        }
    }

    private void Shutdown()
    {
        _loopDone = true;
        var disposed = new ObjectDisposedException(nameof(MosquittoClient));
        FaultQueuedCommands();
        foreach (var pending in _publishes.Values)
        {
            for (var p = pending; p is not null; p = p.Next)
            {
                p.Completion.TrySetException(disposed);
            }
        }

        _publishes.Clear();
        foreach (var subscription in _subscriptions.Values)
        {
            foreach (var waiter in subscription.Waiters)
            {
                waiter.TrySetException(disposed);
            }
        }

        _subscriptions.Clear();
        _connectCompletion?.TrySetException(disposed);
        _disconnectCompletion?.TrySetException(disposed);
        ReleaseNative();
        if (_connected)
        {
            _connected = false;
            RaiseConnectionChanged(false, -1, "client disposed");
        }
    }

    private void ReleaseNative()
    {
        // mosquitto_destroy closes the socket and frees the library's queue; no callback runs after it.
        _mosq?.Dispose();
        _connectProperties?.Dispose();
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }
}
