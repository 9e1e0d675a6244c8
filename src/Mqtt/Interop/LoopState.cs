namespace LiveRoom.Mqtt.Interop;

/// <summary>Connection state as seen by the owning thread.</summary>
internal enum LoopState
{
    /// <summary>Not connected and not trying (before ConnectAsync, after DisconnectAsync or a failed first connect).</summary>
    Idle,

    /// <summary>TCP (and TLS) up or in progress, CONNECT sent, waiting for CONNACK.</summary>
    Connecting,

    Connected,

    /// <summary>Lost after a successful connect; the next attempt is due at a backoff deadline.</summary>
    WaitingToReconnect,

    /// <summary>DISCONNECT sent on request; waiting for the library to close the socket.</summary>
    Disconnecting,
}
