using System.Net;
using System.Net.Sockets;

namespace LiveRoom.Demo.Stack;

/// <summary>A free UDP port on 127.0.0.1 (SRT runs over UDP).</summary>
internal static class FreeUdpPort
{
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
