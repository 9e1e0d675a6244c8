using System.Runtime.InteropServices;

namespace LiveRoom.Mqtt.Interop;

/// <summary>
/// <c>struct mosquitto_message { int mid; char *topic; void *payload; int payloadlen; int qos; bool retain; };</c>
/// Sequential layout gives the same padding as the C compiler on LP64 (x86-64, arm64).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeMessage
{
    public int Mid;
    public nint Topic;
    public nint Payload;
    public int PayloadLength;
    public int Qos;
    public byte Retain;
}
