using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LiveRoom.Probe.Obs;

namespace LiveRoom.Probe.Tests.Obs;

internal sealed partial class ObsTestServer
{
    private async Task ServeAsync(TcpClient tcp, CancellationToken cancellationToken)
    {
        using var _ = tcp;
        var stream = tcp.GetStream();
        try
        {
            if (!await UpgradeAsync(stream, cancellationToken))
            {
                return;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, SubProtocol = "obswebsocket.json" });
        var session = new Session(tcp, socket);
        _sessions[session] = 0;
        try
        {
            await RunSessionAsync(session, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the server was stopped.
        }
        finally
        {
            _sessions.TryRemove(session, out var _1);
        }
    }

    private async Task RunSessionAsync(Session session, CancellationToken cancellationToken)
    {
        var challenge = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var password = Password;
        await session.SendAsync(Json(w =>
        {
            w.WriteNumber("op", 0);
            w.WriteStartObject("d");
            w.WriteString("obsStudioVersion", "30.2.2");
            w.WriteString("obsWebSocketVersion", "5.5.2");
            w.WriteNumber("rpcVersion", 1);
            if (password is not null)
            {
                w.WriteStartObject("authentication");
                w.WriteString("challenge", challenge);
                w.WriteString("salt", Salt);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }));

        while (true)
        {
            var (type, message) = await session.ReceiveAsync(cancellationToken);
            if (type == WebSocketMessageType.Close)
            {
                return;
            }

            if (type == WebSocketMessageType.Binary)
            {
                await session.CloseAsync(4002, "Binary frame on the JSON subprotocol.", ClosesSent);
                return;
            }

            using var doc = JsonDocument.Parse(message);
            var root = doc.RootElement;
            if (!root.TryGetProperty("op", out var opElement) || !opElement.TryGetInt32(out var op))
            {
                await session.CloseAsync(4006, "Your request is missing an `op`.", ClosesSent);
                return;
            }

            var d = root.TryGetProperty("d", out var data) ? data : default;
            if (!session.Identified)
            {
                if (op != 1)
                {
                    await session.CloseAsync(4007, "You attempted to send a non-Identify message while not identified.", ClosesSent);
                    return;
                }

                if (!await IdentifyAsync(session, d, password, challenge))
                {
                    return;
                }

                continue;
            }

            switch (op)
            {
                case 6:
                    await AnswerAsync(session, d);
                    break;
                case 1:
                    await session.CloseAsync(4008, "You are already Identified with the obs-websocket server.", ClosesSent);
                    return;
                default:
                    await session.CloseAsync(4006, "Unknown OpCode.", ClosesSent);
                    return;
            }
        }
    }

    /// <summary>As obs-websocket's Identify handler: rpcVersion checked, then the authentication string compared with the expected one.</summary>
    private async Task<bool> IdentifyAsync(Session session, JsonElement d, string? password, string challenge)
    {
        Identifies.Enqueue(d.ValueKind == JsonValueKind.Object ? d.Clone() : default);
        if (d.ValueKind != JsonValueKind.Object || !d.TryGetProperty("rpcVersion", out var rpc) || rpc.ValueKind != JsonValueKind.Number)
        {
            await session.CloseAsync(4003, "Your payload's data is missing an `rpcVersion`.", ClosesSent);
            return false;
        }

        if (rpc.GetInt32() != 1)
        {
            await session.CloseAsync(4010, "Your requested RPC version is not supported by this server.", ClosesSent);
            return false;
        }

        if (password is not null)
        {
            var secret = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password + Salt)));
            var expected = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret + challenge)));
            if (!d.TryGetProperty("authentication", out var auth) || auth.ValueKind != JsonValueKind.String || auth.GetString() != expected)
            {
                await session.CloseAsync(4009, "Authentication failed.", ClosesSent);
                return false;
            }
        }

        session.EventSubscriptions = d.TryGetProperty("eventSubscriptions", out var subs) ? subs.GetInt32() : 0x7FF;
        await session.SendAsync(Json(w =>
        {
            w.WriteNumber("op", 2);
            w.WriteStartObject("d");
            w.WriteNumber("negotiatedRpcVersion", 1);
            w.WriteEndObject();
        }));
        session.Identified = true;
        return true;
    }

    private async Task AnswerAsync(Session session, JsonElement d)
    {
        var type = d.TryGetProperty("requestType", out var t) ? t.GetString() ?? string.Empty : string.Empty;
        var id = d.TryGetProperty("requestId", out var i) ? i.GetString() ?? string.Empty : string.Empty;
        Action<Utf8JsonWriter>? data = null;
        (int Code, string? Comment) status = (100, null);
        if (Failures.TryGetValue(type, out var failure))
        {
            status = failure;
        }
        else
        {
            data = type switch
            {
                "GetStreamStatus" => State.WriteStreamStatus,
                "GetStats" => State.WriteStats,
                "GetVideoSettings" => State.WriteVideoSettings,
                _ => null,
            };
            status = data is null ? (204, "Your request type is not valid.") : status;
        }

        var response = Json(w =>
        {
            w.WriteNumber("op", 7);
            w.WriteStartObject("d");
            w.WriteString("requestType", type);
            w.WriteString("requestId", id);
            w.WriteStartObject("requestStatus");
            w.WriteBoolean("result", status.Code == 100);
            w.WriteNumber("code", status.Code);
            if (status.Comment is not null)
            {
                w.WriteString("comment", status.Comment);
            }

            w.WriteEndObject();
            if (data is not null)
            {
                w.WriteStartObject("responseData");
                data(w);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
        await session.SendAsync(response);
        Interlocked.Increment(ref RequestsAnswered);
    }

    private sealed class Session(TcpClient tcp, WebSocket socket)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public TcpClient Tcp { get; } = tcp;

        public WebSocket Socket { get; } = socket;

        public volatile bool Identified;

        public int EventSubscriptions { get; set; }

        public async Task SendAsync(byte[] message)
        {
            await _send.WaitAsync();
            try
            {
                await Socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
            {
                // Gone.
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task<(WebSocketMessageType Type, byte[] Message)> ReceiveAsync(CancellationToken cancellationToken)
        {
            var buffer = new ArrayBufferWriter<byte>();
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
                buffer.Advance(result.Count);
                if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
                {
                    return (result.MessageType, buffer.WrittenSpan.ToArray());
                }
            }
        }

        public async Task CloseAsync(int code, string reason, ConcurrentQueue<int> log)
        {
            log.Enqueue(code);
            await _send.WaitAsync();
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                // Gone.
            }
            finally
            {
                _send.Release();
            }
        }
    }
}
