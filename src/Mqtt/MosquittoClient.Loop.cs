using System.Diagnostics;
using System.Runtime.InteropServices;
using LiveRoom.Mqtt.Interop;

namespace LiveRoom.Mqtt;

/// <summary>The owning thread: everything in this file runs on it, so its fields need no locks.</summary>
public sealed partial class MosquittoClient
{
    private const int IdlePollMilliseconds = 1000;

    private readonly Dictionary<int, PendingPublish> _publishes = [];
    private readonly Dictionary<int, string> _subscribeMids = [];
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private MosquittoHandle _mosq = null!;
    private PropertyListHandle _connectProperties = null!;
    private GCHandle _self;
    private LoopState _state;
    private TaskCompletionSource? _connectCompletion;
    private TaskCompletionSource? _disconnectCompletion;
    private bool _everConnected;
    private bool _resubscribeDue;
    private bool _sessionPresent;
    private int _attempt;
    private long _reconnectDue;
    private string? _lastLibraryError;
    private int _deadSocket = -1;
    private int _disconnectsSeen;
    private int _disconnectsBeforeStep;

    private void Run()
    {
        try
        {
            Initialise();
            _ready.TrySetResult();
        }
        catch (Exception ex)
        {
            ReleaseNative();
            _loopDone = true;
            _ready.TrySetException(ex);
            _loopExited.TrySetResult();
            return;
        }

        try
        {
            while (!_stopRequested)
            {
                Volatile.Write(ref _wakeRequested, 0);
                DrainCommands();
                if (_stopRequested)
                {
                    break;
                }

                PollOnce();
                if (_resubscribeDue)
                {
                    _resubscribeDue = false;
                    Resubscribe();
                }

                if (_state == LoopState.WaitingToReconnect && Stopwatch.GetTimestamp() >= _reconnectDue)
                {
                    Reconnect();
                }
            }
        }
        catch (Exception ex)
        {
            Log.LoopFailed(_logger, ex);
        }
        finally
        {
            Shutdown();
            // Only disposal stops the loop; nobody signals the eventfd once _loopDone is set.
            CloseEventFd();
            _loopExited.TrySetResult();
        }
    }

    private void Initialise()
    {
        MosquittoLibrary.EnsureInitialised();
        _self = GCHandle.Alloc(this);
        _connectProperties = new PropertyListHandle();
        _mosq = NativeMethods.New(_options.ClientId, _options.CleanStart, GCHandle.ToIntPtr(_self));
        if (_mosq.IsInvalid)
        {
            throw new MqttException($"mosquitto_new failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        Check(NativeMethods.IntOption(_mosq, MosquittoConstants.OptProtocolVersion, MosquittoConstants.ProtocolV5), "MOSQ_OPT_PROTOCOL_VERSION");
        Check(NativeMethods.IntOption(_mosq, MosquittoConstants.OptSendMaximum, _options.MaxInflight), "MOSQ_OPT_SEND_MAXIMUM");
        Check(NativeMethods.IntOption(_mosq, MosquittoConstants.OptReceiveMaximum, _options.MaxInflight), "MOSQ_OPT_RECEIVE_MAXIMUM");
        Check(NativeMethods.IntOption(_mosq, MosquittoConstants.OptTcpNoDelay, 1), "MOSQ_OPT_TCP_NODELAY");
        if (_options.Username is not null)
        {
            Check(NativeMethods.UsernamePwSet(_mosq, _options.Username, _options.Password), "mosquitto_username_pw_set");
        }

        if (_options.Tls is { } tls)
        {
            var rc = NativeMethods.TlsSet(_mosq, tls.CaFile, null, tls.CertFile, tls.KeyFile, 0);
            if (rc != MosquittoConstants.ErrSuccess)
            {
                throw new MqttConnectException(
                    $"TLS settings refused by libmosquitto ({MosquittoLibrary.ErrorText(rc)}): CA file '{tls.CaFile}', certificate '{tls.CertFile}', key '{tls.KeyFile}' must exist and be readable, certificate and key together",
                    -1,
                    rc);
            }
        }

        if (_options.Will is { } will)
        {
            unsafe
            {
                var payload = will.Payload.ToArray();
                fixed (byte* p = payload)
                {
                    Check(NativeMethods.WillSetV5(_mosq, will.Topic, payload.Length, p, (int)will.Qos, will.Retain, 0), "mosquitto_will_set_v5");
                }
            }
        }

        if (!_options.CleanStart)
        {
            // [MQTT-3.1.2.11.2] without a Session Expiry Interval a v5 session ends with the connection.
            var seconds = (uint)Math.Min(uint.MaxValue, _options.SessionExpiry.TotalSeconds);
            Check(_connectProperties.AddInt32(MosquittoConstants.PropSessionExpiryInterval, seconds), "session expiry property");
        }

        SetCallbacks();
    }

    private static void Check(int rc, string what)
    {
        if (rc != MosquittoConstants.ErrSuccess)
        {
            throw new MqttException($"{what} failed: {MosquittoLibrary.ErrorText(rc)}", -1, rc);
        }
    }

    private unsafe void PollOnce()
    {
        var sock = LiveSocket();
        _disconnectsBeforeStep = _disconnectsSeen;
        var timeout = IdlePollMilliseconds;
        if (_state == LoopState.WaitingToReconnect)
        {
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _reconnectDue);
            timeout = (int)Math.Clamp(Math.Ceiling(remaining.TotalMilliseconds), 0, IdlePollMilliseconds);
        }

        var fds = stackalloc Poll.PollFd[2];
        fds[0] = new Poll.PollFd { Fd = _eventFd, Events = Poll.PollIn };
        var count = 1;
        if (sock >= 0)
        {
            var wantWrite = NativeMethods.WantWrite(_mosq);
            fds[1] = new Poll.PollFd { Fd = sock, Events = (short)(Poll.PollIn | (wantWrite ? Poll.PollOut : 0)) };
            count = 2;
        }

        var ready = Poll.PollFds(fds, (nuint)count, timeout);
        if (ready < 0)
        {
            // EINTR and friends: just go round again.
            return;
        }

        if ((fds[0].Revents & Poll.PollIn) != 0)
        {
            Poll.Drain(_eventFd);
        }

        if (sock < 0)
        {
            return;
        }

        var revents = fds[1].Revents;
        if ((revents & (Poll.PollIn | Poll.PollErr | Poll.PollHup | Poll.PollNval)) != 0)
        {
            AfterStep(sock, NativeMethods.LoopRead(_mosq, 1));
        }

        if (LiveSocket() >= 0 && ((revents & Poll.PollOut) != 0 || NativeMethods.WantWrite(_mosq)))
        {
            AfterStep(sock, NativeMethods.LoopWrite(_mosq, 1));
        }

        if (LiveSocket() >= 0)
        {
            // Keepalive: PINGREQ when due, and the disconnect callback when PINGRESP never came.
            AfterStep(sock, NativeMethods.LoopMisc(_mosq));
        }
    }

    /// <summary>The library's socket, or -1 when closed or abandoned after an error the library did not clean up.</summary>
    private int LiveSocket()
    {
        var sock = NativeMethods.Socket(_mosq);
        return sock == _deadSocket ? -1 : sock;
    }

    /// <summary>
    /// Most failures close the socket and call the disconnect callback, but a TLS handshake failure
    /// (e.g. certificate verify failed) only returns MOSQ_ERR_TLS from loop_read/loop_write, sometimes leaving the
    /// socket open. Treat that as a disconnect, and stop polling that socket until the next connect replaces it.
    /// </summary>
    private void AfterStep(int sock, int rc)
    {
        if (rc is MosquittoConstants.ErrSuccess or MosquittoConstants.ErrNoConn || _disconnectsSeen != _disconnectsBeforeStep)
        {
            _disconnectsBeforeStep = _disconnectsSeen;
            return;
        }

        if (_state is LoopState.Connecting or LoopState.Connected or LoopState.Disconnecting)
        {
            var current = NativeMethods.Socket(_mosq);
            if (current >= 0)
            {
                _deadSocket = current;
            }

            HandleDisconnect(rc);
        }

        _disconnectsBeforeStep = _disconnectsSeen;
    }

    private void DrainCommands()
    {
        while (_commands.TryDequeue(out var command))
        {
            try
            {
                Execute(command);
            }
            catch (Exception ex)
            {
                command.Completion?.TrySetException(ex);
            }
        }
    }

    private void Execute(ClientCommand command)
    {
        switch (command.Kind)
        {
            case CommandKind.Publish:
                ExecutePublish(command);
                break;
            case CommandKind.Subscribe:
                ExecuteSubscribe(command);
                break;
            case CommandKind.Connect:
                ExecuteConnect(command.Completion!);
                break;
            case CommandKind.AbortConnect:
                ExecuteAbortConnect();
                break;
            case CommandKind.Disconnect:
                ExecuteDisconnect(command.Completion!);
                break;
        }
    }
}
