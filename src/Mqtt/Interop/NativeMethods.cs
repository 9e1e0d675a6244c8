using System.Runtime.InteropServices;

namespace LiveRoom.Mqtt.Interop;

/// <summary>
/// libmosquitto 2.0 (Debian libmosquitto1, <c>libmosquitto.so.1</c>). Every call is made on the client's one
/// owning thread (<see cref="MosquittoClient"/>), except the pure functions (strerror, reason_string).
/// C signatures from /usr/include/mosquitto.h are quoted above each import.
/// </summary>
internal static unsafe partial class NativeMethods
{
    private const string Lib = "libmosquitto.so.1";

    // int mosquitto_lib_init(void);
    [LibraryImport(Lib, EntryPoint = "mosquitto_lib_init")]
    internal static partial int LibInit();

    // int mosquitto_lib_version(int *major, int *minor, int *revision);
    [LibraryImport(Lib, EntryPoint = "mosquitto_lib_version")]
    internal static partial int LibVersion(out int major, out int minor, out int revision);

    // struct mosquitto *mosquitto_new(const char *id, bool clean_session, void *obj);
    [LibraryImport(Lib, EntryPoint = "mosquitto_new", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial MosquittoHandle New(string id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, nint obj);

    // void mosquitto_destroy(struct mosquitto *mosq);
    [LibraryImport(Lib, EntryPoint = "mosquitto_destroy")]
    internal static partial void Destroy(nint mosq);

    // int mosquitto_int_option(struct mosquitto *mosq, enum mosq_opt_t option, int value);
    [LibraryImport(Lib, EntryPoint = "mosquitto_int_option")]
    internal static partial int IntOption(MosquittoHandle mosq, int option, int value);

    // int mosquitto_max_inflight_messages_set(struct mosquitto *mosq, unsigned int max_inflight_messages);
    [LibraryImport(Lib, EntryPoint = "mosquitto_max_inflight_messages_set")]
    internal static partial int MaxInflightMessagesSet(MosquittoHandle mosq, uint maxInflightMessages);

    // int mosquitto_username_pw_set(struct mosquitto *mosq, const char *username, const char *password);
    [LibraryImport(Lib, EntryPoint = "mosquitto_username_pw_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int UsernamePwSet(MosquittoHandle mosq, string? username, string? password);

    // int mosquitto_tls_set(struct mosquitto *mosq, const char *cafile, const char *capath,
    //     const char *certfile, const char *keyfile, int (*pw_callback)(char *buf, int size, int rwflag, void *userdata));
    [LibraryImport(Lib, EntryPoint = "mosquitto_tls_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TlsSet(MosquittoHandle mosq, string? cafile, string? capath, string? certfile, string? keyfile, nint pwCallback);

    // int mosquitto_will_set_v5(struct mosquitto *mosq, const char *topic, int payloadlen, const void *payload,
    //     int qos, bool retain, mosquitto_property *properties);
    [LibraryImport(Lib, EntryPoint = "mosquitto_will_set_v5", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int WillSetV5(MosquittoHandle mosq, string topic, int payloadlen, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain, nint properties);

    // int mosquitto_connect_bind_v5(struct mosquitto *mosq, const char *host, int port, int keepalive,
    //     const char *bind_address, const mosquitto_property *properties);
    [LibraryImport(Lib, EntryPoint = "mosquitto_connect_bind_v5", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int ConnectBindV5(MosquittoHandle mosq, string host, int port, int keepalive, string? bindAddress, PropertyListHandle properties);

    // int mosquitto_disconnect_v5(struct mosquitto *mosq, int reason_code, const mosquitto_property *properties);
    [LibraryImport(Lib, EntryPoint = "mosquitto_disconnect_v5")]
    internal static partial int DisconnectV5(MosquittoHandle mosq, int reasonCode, nint properties);

    // int mosquitto_publish_v5(struct mosquitto *mosq, int *mid, const char *topic, int payloadlen,
    //     const void *payload, int qos, bool retain, const mosquitto_property *properties);
    [LibraryImport(Lib, EntryPoint = "mosquitto_publish_v5")]
    internal static partial int PublishV5(MosquittoHandle mosq, int* mid, byte* topic, int payloadlen, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain, nint properties);

    // int mosquitto_subscribe_v5(struct mosquitto *mosq, int *mid, const char *sub, int qos, int options,
    //     const mosquitto_property *properties);
    [LibraryImport(Lib, EntryPoint = "mosquitto_subscribe_v5", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SubscribeV5(MosquittoHandle mosq, int* mid, string sub, int qos, int options, nint properties);

    // int mosquitto_loop_read(struct mosquitto *mosq, int max_packets);
    [LibraryImport(Lib, EntryPoint = "mosquitto_loop_read", SetLastError = true)]
    internal static partial int LoopRead(MosquittoHandle mosq, int maxPackets);

    // int mosquitto_loop_write(struct mosquitto *mosq, int max_packets);
    [LibraryImport(Lib, EntryPoint = "mosquitto_loop_write", SetLastError = true)]
    internal static partial int LoopWrite(MosquittoHandle mosq, int maxPackets);

    // int mosquitto_loop_misc(struct mosquitto *mosq);
    [LibraryImport(Lib, EntryPoint = "mosquitto_loop_misc")]
    internal static partial int LoopMisc(MosquittoHandle mosq);

    // int mosquitto_socket(struct mosquitto *mosq);
    [LibraryImport(Lib, EntryPoint = "mosquitto_socket")]
    internal static partial int Socket(MosquittoHandle mosq);

    // bool mosquitto_want_write(struct mosquitto *mosq);
    [LibraryImport(Lib, EntryPoint = "mosquitto_want_write")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WantWrite(MosquittoHandle mosq);

    // void mosquitto_connect_v5_callback_set(struct mosquitto *mosq,
    //     void (*on_connect)(struct mosquitto *, void *, int, int, const mosquitto_property *props));
    [LibraryImport(Lib, EntryPoint = "mosquitto_connect_v5_callback_set")]
    internal static partial void ConnectV5CallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, int, nint, void> callback);

    // void mosquitto_disconnect_v5_callback_set(struct mosquitto *mosq,
    //     void (*on_disconnect)(struct mosquitto *, void *, int, const mosquitto_property *props));
    [LibraryImport(Lib, EntryPoint = "mosquitto_disconnect_v5_callback_set")]
    internal static partial void DisconnectV5CallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, nint, void> callback);

    // void mosquitto_publish_v5_callback_set(struct mosquitto *mosq,
    //     void (*on_publish)(struct mosquitto *, void *, int mid, int reason_code, const mosquitto_property *props));
    [LibraryImport(Lib, EntryPoint = "mosquitto_publish_v5_callback_set")]
    internal static partial void PublishV5CallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, int, nint, void> callback);

    // void mosquitto_message_v5_callback_set(struct mosquitto *mosq,
    //     void (*on_message)(struct mosquitto *, void *, const struct mosquitto_message *, const mosquitto_property *props));
    [LibraryImport(Lib, EntryPoint = "mosquitto_message_v5_callback_set")]
    internal static partial void MessageV5CallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, NativeMessage*, nint, void> callback);

    // void mosquitto_subscribe_v5_callback_set(struct mosquitto *mosq,
    //     void (*on_subscribe)(struct mosquitto *, void *, int mid, int qos_count, const int *granted_qos, const mosquitto_property *props));
    [LibraryImport(Lib, EntryPoint = "mosquitto_subscribe_v5_callback_set")]
    internal static partial void SubscribeV5CallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, int, int*, nint, void> callback);

    // void mosquitto_log_callback_set(struct mosquitto *mosq, void (*on_log)(struct mosquitto *, void *, int level, const char *str));
    [LibraryImport(Lib, EntryPoint = "mosquitto_log_callback_set")]
    internal static partial void LogCallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, byte*, void> callback);

    // const char *mosquitto_strerror(int mosq_errno);
    [LibraryImport(Lib, EntryPoint = "mosquitto_strerror")]
    internal static partial nint StrError(int mosqErrno);

    // const char *mosquitto_reason_string(int reason_code);
    [LibraryImport(Lib, EntryPoint = "mosquitto_reason_string")]
    internal static partial nint ReasonString(int reasonCode);

    // int mosquitto_property_add_int32(mosquitto_property **proplist, int identifier, uint32_t value);
    [LibraryImport(Lib, EntryPoint = "mosquitto_property_add_int32")]
    internal static partial int PropertyAddInt32(ref nint proplist, int identifier, uint value);

    // void mosquitto_property_free_all(mosquitto_property **properties);
    [LibraryImport(Lib, EntryPoint = "mosquitto_property_free_all")]
    internal static partial void PropertyFreeAll(ref nint properties);
}
