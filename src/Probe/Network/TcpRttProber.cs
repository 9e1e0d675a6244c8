using System.Net;
using System.Net.Sockets;

namespace LiveRoom.Probe.Network;

/// <summary>
/// RTT and loss where ICMP is not allowed: the time a TCP connect takes (SYN → SYN-ACK, one round trip) to the ingest
/// host, <c>attempts</c> times; a refused or timed-out connect is a lost attempt. The name is resolved once per probe,
/// outside the timing.
/// </summary>
public sealed class TcpRttProber(TimeProvider time)
{
    public async Task<RttSample> ProbeAsync(string host, int port, int attempts, TimeSpan timeout, CancellationToken cancellationToken)
    {
        IPAddress address;
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new SocketException((int)SocketError.HostNotFound);
        }
        catch (SocketException ex)
        {
            return new RttSample(attempts, attempts, null, null, $"cannot resolve {host}: {ex.Message}");
        }

        var times = new List<double>(attempts);
        string? error = null;
        for (var i = 0; i < attempts; i++)
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var deadline = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            var started = time.GetTimestamp();
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), linked.Token).ConfigureAwait(false);
                times.Add(time.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error = $"connect to {address}:{port} timed out";
            }
            catch (SocketException ex)
            {
                error = $"connect to {address}:{port}: {ex.SocketErrorCode}";
            }
        }

        times.Sort();
        double? median = times.Count == 0 ? null : times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        return new RttSample(attempts, attempts - times.Count, median, times.Count == 0 ? null : times[0], error);
    }
}
