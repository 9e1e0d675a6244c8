using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LiveRoom.Mqtt.Interop;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Mqtt;

/// <summary>
/// libmosquitto callbacks. They run on the owning thread inside loop_read/loop_write/publish. The userdata
/// pointer is a GCHandle to the client; every body catches everything, because an exception must never
/// unwind into native code.
/// </summary>
public sealed partial class MosquittoClient
{
    private unsafe void SetCallbacks()
    {
        NativeMethods.ConnectV5CallbackSet(_mosq, &OnConnectNative);
        NativeMethods.DisconnectV5CallbackSet(_mosq, &OnDisconnectNative);
        NativeMethods.PublishV5CallbackSet(_mosq, &OnPublishNative);
        NativeMethods.MessageV5CallbackSet(_mosq, &OnMessageNative);
        NativeMethods.SubscribeV5CallbackSet(_mosq, &OnSubscribeNative);
        NativeMethods.LogCallbackSet(_mosq, &OnLogNative);
    }

    private static MosquittoClient? FromUserData(nint obj) =>
        obj == 0 ? null : GCHandle.FromIntPtr(obj).Target as MosquittoClient;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnConnectNative(nint mosq, nint obj, int reasonCode, int flags, nint properties)
    {
        var client = FromUserData(obj);
        try
        {
            client?.HandleConnect(reasonCode, flags);
        }
        catch (Exception ex)
        {
            client?.CallbackFailed(ex, "connect");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDisconnectNative(nint mosq, nint obj, int rc, nint properties)
    {
        var client = FromUserData(obj);
        try
        {
            client?.HandleDisconnect(rc);
        }
        catch (Exception ex)
        {
            client?.CallbackFailed(ex, "disconnect");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPublishNative(nint mosq, nint obj, int mid, int reasonCode, nint properties)
    {
        var client = FromUserData(obj);
        try
        {
            client?.HandlePublished(mid, reasonCode);
        }
        catch (Exception ex)
        {
            client?.CallbackFailed(ex, "publish");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void OnMessageNative(nint mosq, nint obj, NativeMessage* message, nint properties)
    {
        var client = FromUserData(obj);
        try
        {
            client?.HandleMessage(message);
        }
        catch (Exception ex)
        {
            client?.CallbackFailed(ex, "message");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void OnSubscribeNative(nint mosq, nint obj, int mid, int qosCount, int* grantedQos, nint properties)
    {
        var client = FromUserData(obj);
        try
        {
            client?.HandleSubscribed(mid, qosCount > 0 ? grantedQos[0] : MosquittoConstants.ReasonFailureThreshold);
        }
        catch (Exception ex)
        {
            client?.CallbackFailed(ex, "subscribe");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void OnLogNative(nint mosq, nint obj, int level, byte* text)
    {
        var client = FromUserData(obj);
        try
        {
            client?.HandleLog(level, text);
        }
        catch (Exception ex)
        {
            client?.CallbackFailed(ex, "log");
        }
    }

    private void CallbackFailed(Exception ex, string callback)
    {
        try
        {
            Log.CallbackFailed(_logger, ex, callback);
        }
        catch (Exception)
        {
            // A logger that throws must not take the native thread down.
        }
    }

    /// <summary>PUBACK/PUBCOMP (QoS 1/2) or "written" (QoS 0, ignored: completed at hand-over).</summary>
    private void HandlePublished(int mid, int reasonCode)
    {
        if (!_publishes.Remove(mid, out var pending))
        {
            return;
        }

        if (pending.Next is not null)
        {
            _publishes[mid] = pending.Next;
        }

        if (reasonCode >= MosquittoConstants.ReasonFailureThreshold)
        {
            var text = MosquittoLibrary.ReasonText(reasonCode);
            Log.PublishRefused(_logger, pending.Topic, reasonCode, text);
            pending.Completion.TrySetException(new MqttPublishException(
                string.Create(CultureInfo.InvariantCulture, $"broker refused publish to '{pending.Topic}': {text} (reason code 0x{reasonCode:X2})"), reasonCode, 0));
        }
        else
        {
            pending.Completion.TrySetResult();
        }
    }

    private unsafe void HandleMessage(NativeMessage* message)
    {
        if (_options.OnMessage is null)
        {
            return;
        }

        var topic = Marshal.PtrToStringUTF8(message->Topic) ?? string.Empty;
        var payload = message->PayloadLength > 0
            ? new ReadOnlySpan<byte>((void*)message->Payload, message->PayloadLength).ToArray()
            : [];
        Interlocked.Increment(ref _messagesReceived);
        _inbox.Writer.TryWrite(new MqttMessage(topic, payload, (MqttQos)message->Qos, message->Retain != 0));
    }

    private void HandleSubscribed(int mid, int granted)
    {
        if (!_subscribeMids.Remove(mid, out var filter) || !_subscriptions.TryGetValue(filter, out var subscription))
        {
            return;
        }

        if (granted >= MosquittoConstants.ReasonFailureThreshold)
        {
            var text = MosquittoLibrary.ReasonText(granted);
            Log.SubscribeRefused(_logger, filter, granted, text);
            var error = new MqttSubscribeException(
                string.Create(CultureInfo.InvariantCulture, $"broker refused subscription to '{filter}': {text} (reason code 0x{granted:X2})"), granted, 0);
            foreach (var waiter in subscription.Waiters)
            {
                waiter.TrySetException(error);
            }

            subscription.Waiters.Clear();
            if (!subscription.Granted)
            {
                _subscriptions.Remove(filter);
            }

            return;
        }

        subscription.Granted = true;
        foreach (var waiter in subscription.Waiters)
        {
            waiter.TrySetResult();
        }

        subscription.Waiters.Clear();
    }

    private unsafe void HandleLog(int level, byte* text)
    {
        var important = (level & (MosquittoConstants.LogErr | MosquittoConstants.LogWarning)) != 0;
        if (!important && !_logger.IsEnabled(LogLevel.Debug))
        {
            // Debug lines come per packet (20,000/s under load): do not even build the string.
            return;
        }

        var line = Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;
        if ((level & MosquittoConstants.LogErr) != 0)
        {
            // Kept to explain a failed connect (e.g. "OpenSSL Error[0]: ... certificate verify failed").
            _lastLibraryError = line;
        }

        Log.Library(_logger, level, line);
    }

    private void RaiseConnectionChanged(bool connected, int reasonCode, string? reason) =>
        _connectionEvents.Writer.TryWrite(new MqttConnectionChangedEventArgs(connected, reasonCode, reason));
}
