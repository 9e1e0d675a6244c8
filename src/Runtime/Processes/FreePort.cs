using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LiveRoom.Runtime.Processes;

/// <summary>
/// Picks a free TCP port on 127.0.0.1 for a server started a moment later (tests, the demo, the benches).
/// </summary>
/// <remarks>
/// The port comes from below the kernel's ephemeral range (net.ipv4.ip_local_port_range), never from it: a port
/// the kernel hands out for port-0 binds and for the source side of outgoing connections can be taken by any
/// other program between this pick and the server's start — typically by a client that keeps reconnecting to
/// a server that is down on purpose, or by another test process asking for port 0. Below the range only
/// explicit binds compete; the pick is random, checked by binding it, and never repeated within a process.
/// Other processes picking at the same moment (test assemblies run side by side) are kept off the same port by
/// a lock file per port under the temp directory, held until this process exits: a random pick alone let two
/// processes choose one port in the moment before either server had bound it.
/// </remarks>
public static class FreePort
{
    private const int Lowest = 10_000;
    private const int Attempts = 200;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();
    private static readonly List<FileStream> Reservations = [];

    /// <summary>Where the per-port lock files live (one empty file per port ever picked on this machine).</summary>
    internal static string ReservationDirectory { get; } = Path.Combine(Path.GetTempPath(), "liveroom-ports");

    public static int Next()
    {
        var highest = EphemeralLow() - 1;
        if (highest - Lowest >= 1_000)
        {
            for (var i = 0; i < Attempts; i++)
            {
                var port = Random.Shared.Next(Lowest, highest + 1);
                lock (Gate)
                {
                    if (!HandedOut.Add(port))
                    {
                        continue;
                    }

                    if (!TryReserve(port) || !CanBind(port))
                    {
                        continue;
                    }

                    return port;
                }
            }
        }

        // A kernel whose ephemeral range leaves no room below it: fall back to asking it for one.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var ephemeral = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return ephemeral;
    }

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Takes the cross-process lock on <paramref name="port"/> for the rest of this process's life; false when
    /// another live process holds it. Without a usable lock directory the pick goes on unreserved.
    /// </summary>
    internal static bool TryReserve(int port)
    {
        var directory = ReservationDirectory;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }

        try
        {
            // FileShare.None takes an exclusive flock; the kernel drops it when the process ends, however it ends.
            var stream = new FileStream(Path.Combine(directory, port.ToString(CultureInfo.InvariantCulture)), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            Reservations.Add(stream);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range; Linux's default 32768 when it cannot be read.</summary>
    private static int EphemeralLow()
    {
        try
        {
            var text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
            var first = text.Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0];
            return int.Parse(first, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}
