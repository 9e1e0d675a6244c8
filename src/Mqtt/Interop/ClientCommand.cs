namespace LiveRoom.Mqtt.Interop;

/// <summary>What callers ask the owning thread to do; executed in order by <see cref="MosquittoClient"/>'s loop.</summary>
internal enum CommandKind
{
    Connect,
    AbortConnect,
    Disconnect,
    Publish,
    Subscribe,
}

/// <summary>One queued request to the owning thread. Publish fields are pre-encoded on the caller's thread.</summary>
internal sealed class ClientCommand(CommandKind kind, TaskCompletionSource? completion)
{
    public CommandKind Kind { get; } = kind;

    public TaskCompletionSource? Completion { get; } = completion;

    /// <summary>Topic as null-terminated UTF-8 (publish), for the library.</summary>
    public byte[]? TopicUtf8 { get; init; }

    /// <summary>Topic or filter as text, for errors and logs.</summary>
    public string Topic { get; init; } = string.Empty;

    public byte[]? Payload { get; init; }

    public int Qos { get; init; }

    public bool Retain { get; init; }
}
