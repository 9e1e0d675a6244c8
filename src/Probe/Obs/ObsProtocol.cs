namespace LiveRoom.Probe.Obs;

/// <summary>Numbers of the obs-websocket 5 protocol (shared/reference/obs-websocket-5-protocol.md).</summary>
internal static class ObsProtocol
{
    // WebSocketOpCode
    public const int Hello = 0;
    public const int Identify = 1;
    public const int Identified = 2;
    public const int Event = 5;
    public const int Request = 6;
    public const int RequestResponse = 7;

    // WebSocketCloseCode
    public const int CloseAuthenticationFailed = 4009;
    public const int CloseUnsupportedRpcVersion = 4010;

    /// <summary>The Kick button of OBS's session list: "you must not automatically reconnect".</summary>
    public const int CloseSessionInvalidated = 4011;

    // RequestStatus
    public const int StatusSuccess = 100;
    public const int StatusUnknownRequestType = 204;
    public const int StatusNotReady = 207;

    /// <summary>EventSubscription::Outputs (1 &lt;&lt; 6): StreamStateChanged and the other output events.</summary>
    public const int SubscribeOutputs = 1 << 6;

    public const string GetStreamStatus = "GetStreamStatus";
    public const string GetStats = "GetStats";
    public const string GetVideoSettings = "GetVideoSettings";
    public const string StreamStateChanged = "StreamStateChanged";

    public const string OutputReconnecting = "OBS_WEBSOCKET_OUTPUT_RECONNECTING";
    public const string OutputReconnected = "OBS_WEBSOCKET_OUTPUT_RECONNECTED";

    /// <summary>A name for a RequestStatus code, for logs and event messages.</summary>
    public static string StatusName(int code) => code switch
    {
        StatusSuccess => "Success",
        203 => "MissingRequestType",
        StatusUnknownRequestType => "UnknownRequestType",
        205 => "GenericError",
        StatusNotReady => "NotReady",
        500 => "OutputRunning",
        501 => "OutputNotRunning",
        _ => "RequestStatus " + code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
