using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LiveRoom.Probe.Tests.Obs;

/// <summary>
/// A protocol-faithful obs-websocket 5 server (shared/reference/obs-websocket-5-protocol.md) on 127.0.0.1, port 0:
/// the RFC 6455 upgrade with subprotocol <c>obswebsocket.json</c>, Hello (with a challenge and salt when a password is
/// set), Identify checked as OBS checks it (close 4009 on a missing or wrong authentication string, 4010 on an unusable
/// rpcVersion, 4007 on anything but Identify first), Identified, RequestResponse with requestStatus, events (op 5) to
/// identified clients subscribed to their category. It can be stopped and started again on the same port.
/// </summary>
internal sealed partial class ObsTestServer : IAsyncDisposable
{
    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private readonly ConcurrentDictionary<Session, byte> _sessions = new();
    private readonly List<Task> _tasks = [];
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public ObsTestServer(string? password = null)
    {
        Password = password;

        // OBS makes the salt when the password is set, and a fresh challenge per session.
        Salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    public string? Password { get; set; }

    public string Salt { get; }

    public int Port { get; private set; }

    public Uri Url => new($"ws://127.0.0.1:{Port}");

    /// <summary>What GetStreamStatus, GetStats and GetVideoSettings report.</summary>
    public ObsServerState State { get; } = new();

    /// <summary>Requests answered with a failure instead: requestType → (code, comment).</summary>
    public ConcurrentDictionary<string, (int Code, string? Comment)> Failures { get; } = new(StringComparer.Ordinal);

    /// <summary>Every Identify's data as received (cloned).</summary>
    public ConcurrentQueue<JsonElement> Identifies { get; } = new();

    /// <summary>Close codes the server sent.</summary>
    public ConcurrentQueue<int> ClosesSent { get; } = new();

    public int IdentifiedSessions => _sessions.Keys.Count(s => s.Identified);

    public long RequestsAnswered;

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        lock (_tasks)
        {
            _tasks.Add(AcceptLoopAsync(_listener, _stop.Token));
        }
    }

    /// <summary>Stops listening and drops every session without a close frame, as a crashed or quit OBS would.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        foreach (var session in _sessions.Keys)
        {
            session.Socket.Abort();
            session.Tcp.Dispose();
        }

        Task[] tasks;
        lock (_tasks)
        {
            tasks = [.. _tasks];
            _tasks.Clear();
        }

        await Task.WhenAll(tasks);
        _sessions.Clear();
    }

    /// <summary>Sends an event (op 5) to every identified session subscribed to <paramref name="intent"/>.</summary>
    public async Task EmitAsync(string eventType, int intent, Action<Utf8JsonWriter> data)
    {
        var message = Json(w =>
        {
            w.WriteNumber("op", 5);
            w.WriteStartObject("d");
            w.WriteString("eventType", eventType);
            w.WriteNumber("eventIntent", intent);
            w.WriteStartObject("eventData");
            data(w);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        foreach (var session in _sessions.Keys.Where(s => s.Identified && (s.EventSubscriptions & intent) != 0))
        {
            await session.SendAsync(message);
        }
    }

    /// <summary>StreamStateChanged (Outputs category, 1 &lt;&lt; 6).</summary>
    public Task EmitStreamStateChangedAsync(bool active, string state) =>
        EmitAsync("StreamStateChanged", 1 << 6, w =>
        {
            w.WriteBoolean("outputActive", active);
            w.WriteString("outputState", state);
        });

    /// <summary>Sends raw text to every identified session (for malformed-message tests).</summary>
    public async Task SendRawAsync(string text)
    {
        foreach (var session in _sessions.Keys.Where(s => s.Identified))
        {
            await session.SendAsync(Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>Closes every session with <paramref name="code"/> (e.g. 4011 SessionInvalidated: the Kick button).</summary>
    public async Task CloseAllAsync(int code, string reason)
    {
        foreach (var session in _sessions.Keys)
        {
            await session.CloseAsync(code, reason, ClosesSent);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_tasks)
            {
                _tasks.Add(Task.Run(() => ServeAsync(tcp, cancellationToken), CancellationToken.None));
            }
        }
    }

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>RFC 6455 section 4.2: the server's handshake. Returns false (after a 400) when it is not a WebSocket upgrade for our subprotocol.</summary>
    private static async Task<bool> UpgradeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var request = new StringBuilder();
        var one = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0 || request.Length > 16384)
            {
                return false;
            }

            request.Append((char)one[0]);
        }

        var headers = request.ToString().Split("\r\n").Skip(1)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var protocols = headers.TryGetValue("Sec-WebSocket-Protocol", out var p) ? p.Split(',').Select(x => x.Trim()) : [];
        if (!headers.TryGetValue("Sec-WebSocket-Key", out var key) || !protocols.Contains("obswebsocket.json"))
        {
            await stream.WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), cancellationToken);
            return false;
        }

        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + WebSocketGuid)));
        var response = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: obswebsocket.json\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), cancellationToken);
        return true;
    }
}
