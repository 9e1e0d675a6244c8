using System.Runtime.InteropServices;

namespace LiveRoom.Mqtt.Interop;

/// <summary>Process-wide libmosquitto state: <c>mosquitto_lib_init</c> exactly once (it is not thread safe), and error texts.</summary>
internal static class MosquittoLibrary
{
    private static readonly Lock Gate = new();
    private static bool _initialised;

    public static void EnsureInitialised()
    {
        lock (Gate)
        {
            if (_initialised)
            {
                return;
            }

            var rc = NativeMethods.LibInit();
            if (rc != MosquittoConstants.ErrSuccess)
            {
                throw new MqttException($"mosquitto_lib_init failed: {ErrorText(rc)}", -1, rc);
            }

            // mosquitto_lib_cleanup is deliberately never called: other clients may live until process exit.
            _initialised = true;
        }
    }

    /// <summary>The library's text for a MOSQ_ERR_* value (<c>mosquitto_strerror</c>).</summary>
    public static string ErrorText(int mosqError) =>
        Marshal.PtrToStringUTF8(NativeMethods.StrError(mosqError)) ?? "unknown error";

    /// <summary>The library's name of an MQTT v5 reason code (<c>mosquitto_reason_string</c>).</summary>
    public static string ReasonText(int reasonCode) =>
        Marshal.PtrToStringUTF8(NativeMethods.ReasonString(reasonCode)) ?? "unknown reason";
}
