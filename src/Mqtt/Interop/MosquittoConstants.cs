namespace LiveRoom.Mqtt.Interop;

/// <summary>Values from mosquitto.h and mqtt_protocol.h used by the binding.</summary>
internal static class MosquittoConstants
{
    // enum mosq_err_t
    public const int ErrSuccess = 0;
    public const int ErrNoMem = 1;
    public const int ErrInval = 3;
    public const int ErrNoConn = 4;
    public const int ErrConnRefused = 5;
    public const int ErrConnLost = 7;
    public const int ErrTls = 8;
    public const int ErrErrno = 14;
    public const int ErrEai = 15;

    // enum mosq_opt_t
    public const int OptProtocolVersion = 1;
    public const int OptReceiveMaximum = 4;
    public const int OptSendMaximum = 5;
    public const int OptTcpNoDelay = 11;

    public const int ProtocolV5 = 5;

    // log levels
    public const int LogWarning = 1 << 2;
    public const int LogErr = 1 << 3;

    // mqtt_protocol.h
    public const int PropSessionExpiryInterval = 17;
    public const int SubOptSendRetainIfNew = 0x10;
    public const int ReasonFailureThreshold = 0x80;
}
