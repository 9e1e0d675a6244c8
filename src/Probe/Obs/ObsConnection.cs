using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace LiveRoom.Probe.Obs;

/// <summary>
/// One identified session with obs-websocket 5: subprotocol <c>obswebsocket.json</c>, Hello (op 0) → Identify (op 1,
/// with the authentication string when the Hello carries a challenge) → Identified (op 2). Then requests (op 6) are
/// correlated with their RequestResponse (op 7) by requestId, and events (op 5) go to a callback. A single receive loop
/// owns the socket's reading side; sends are serialised.
/// </summary>
internal sealed partial class ObsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Action<string, JsonElement?> _onEvent;
    private readonly Action<Exception> _onBadMessage;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ObsRequestResult>> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly TaskCompletionSource<ObsException> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _requestTimeout;
    private Task _receiveLoop = Task.CompletedTask;
    private long _nextRequestId;

    private ObsConnection(ClientWebSocket socket, TimeSpan requestTimeout, Action<string, JsonElement?> onEvent, Action<Exception> onBadMessage)
    {
        _socket = socket;
        _requestTimeout = requestTimeout;
        _onEvent = onEvent;
        _onBadMessage = onBadMessage;
    }

    /// <summary>What OBS said in its Hello.</summary>
    public string ObsStudioVersion { get; private set; } = string.Empty;

    public string ObsWebSocketVersion { get; private set; } = string.Empty;

    public int NegotiatedRpcVersion { get; private set; }

    /// <summary>Whether the Hello asked for authentication.</summary>
    public bool Authenticated { get; private set; }

    /// <summary>Completes with the reason when the session ends (OBS closed it, or the transport broke).</summary>
    public Task<ObsException> Closed => _closed.Task;

    /// <summary>Connects and identifies.</summary>
    /// <exception cref="ObsAuthenticationException">OBS closed the connection with 4009.</exception>
    /// <exception cref="ObsException">any other failure to connect or identify (including a timeout).</exception>
    public static async Task<ObsConnection> ConnectAsync(
        Uri url, string password, int eventSubscriptions, TimeSpan timeout, Action<string, JsonElement?> onEvent, Action<Exception> onBadMessage, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(ObsDefaults.SubProtocol);
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        var connection = new ObsConnection(socket, timeout, onEvent, onBadMessage);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(url, deadline.Token).ConfigureAwait(false);
            await connection.IdentifyAsync(password, eventSubscriptions, deadline.Token).ConfigureAwait(false);
            connection._receiveLoop = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
            return connection;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObsException or WebSocketException or IOException or JsonException
            or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (ex is ObsException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw;
            }

            throw ex is OperationCanceledException
                ? new ObsException(string.Create(CultureInfo.InvariantCulture, $"no Identified from {url} within {timeout.TotalSeconds:0.#} s"), ex)
                : new ObsException($"cannot connect to {url}: {ex.Message}", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends a request (op 6) without data and waits for its response.</summary>
    /// <exception cref="ObsException">the session ended or the response did not come within the timeout.</exception>
    public async Task<ObsRequestResult> RequestAsync(string requestType, CancellationToken cancellationToken)
    {
        var id = "liveroom-" + Interlocked.Increment(ref _nextRequestId).ToString(CultureInfo.InvariantCulture);
        var pending = new TaskCompletionSource<ObsRequestResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = pending;
        try
        {
            if (_closed.Task.IsCompleted)
            {
                throw _closed.Task.Result;
            }

            var message = Write(writer =>
            {
                writer.WriteNumber("op", ObsProtocol.Request);
                writer.WriteStartObject("d");
                writer.WriteString("requestType", requestType);
                writer.WriteString("requestId", id);
                writer.WriteEndObject();
            });
            await SendAsync(message, cancellationToken).ConfigureAwait(false);
            var done = await Task.WhenAny(pending.Task, _closed.Task).WaitAsync(_requestTimeout, cancellationToken).ConfigureAwait(false);
            return done == pending.Task ? pending.Task.Result : throw _closed.Task.Result;
        }
        catch (TimeoutException ex)
        {
            throw new ObsException(string.Create(CultureInfo.InvariantCulture, $"{requestType}: no response within {_requestTimeout.TotalSeconds:0.#} s"), ex);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // The send fails when OBS has just closed the session: report OBS's reason (its close code matters: 4011
            // forbids reconnecting), which the receive loop is about to record.
            var closed = await Task.WhenAny(_closed.Task, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)).ConfigureAwait(false);
            throw closed == _closed.Task ? _closed.Task.Result : new ObsException($"{requestType}: send failed: {ex.Message}", ex);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", quick.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // Closing politely is best effort.
            }
        }

        _socket.Abort();
        await _receiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _closed.TrySetResult(new ObsException("connection closed by the probe"));
        _socket.Dispose();
        _sendGate.Dispose();
        _stop.Dispose();
    }

    private async Task IdentifyAsync(string password, int eventSubscriptions, CancellationToken cancellationToken)
    {
        using var hello = await ReceiveMessageAsync(cancellationToken).ConfigureAwait(false)
            ?? throw ClosedException("OBS closed the connection before its Hello");
        var (op, d) = Envelope(hello.RootElement);
        if (op != ObsProtocol.Hello)
        {
            throw new ObsException(string.Create(CultureInfo.InvariantCulture, $"expected Hello (op 0), got op {op}"));
        }

        ObsStudioVersion = d.TryGetProperty("obsStudioVersion", out var sv) ? sv.GetString() ?? string.Empty : string.Empty;
        ObsWebSocketVersion = d.TryGetProperty("obsWebSocketVersion", out var wv) ? wv.GetString() ?? string.Empty : string.Empty;
        var serverRpc = d.GetProperty("rpcVersion").GetInt32();
        string? authentication = null;
        if (d.TryGetProperty("authentication", out var auth) && auth.ValueKind == JsonValueKind.Object)
        {
            Authenticated = true;
            authentication = ObsAuthentication.Compute(password, auth.GetProperty("salt").GetString() ?? string.Empty, auth.GetProperty("challenge").GetString() ?? string.Empty);
        }

        var identify = Write(writer =>
        {
            writer.WriteNumber("op", ObsProtocol.Identify);
            writer.WriteStartObject("d");

            // "If the server's rpcVersion is not supported, provide the closest supported version."
            writer.WriteNumber("rpcVersion", Math.Min(serverRpc, ObsDefaults.RpcVersion));
            if (authentication is not null)
            {
                writer.WriteString("authentication", authentication);
            }

            writer.WriteNumber("eventSubscriptions", eventSubscriptions);
            writer.WriteEndObject();
        });
        await SendAsync(identify, cancellationToken).ConfigureAwait(false);

        using var identified = await ReceiveMessageAsync(cancellationToken).ConfigureAwait(false)
            ?? throw ClosedException("OBS closed the connection after Identify");
        var (op2, d2) = Envelope(identified.RootElement);
        if (op2 != ObsProtocol.Identified)
        {
            throw new ObsException(string.Create(CultureInfo.InvariantCulture, $"expected Identified (op 2), got op {op2}"));
        }

        NegotiatedRpcVersion = d2.TryGetProperty("negotiatedRpcVersion", out var n) ? n.GetInt32() : 0;
    }

    private ObsException ClosedException(string what)
    {
        var code = (int?)_socket.CloseStatus;
        var description = _socket.CloseStatusDescription;
        var text = string.Create(CultureInfo.InvariantCulture, $"{what}: close code {code?.ToString(CultureInfo.InvariantCulture) ?? "none"}") + (string.IsNullOrEmpty(description) ? string.Empty : $" ({description})");
        return code == ObsProtocol.CloseAuthenticationFailed
            ? new ObsAuthenticationException(text) { CloseCode = code }
            : new ObsException(text) { CloseCode = code };
    }

    private static (int Op, JsonElement D) Envelope(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || !op.TryGetInt32(out var code))
        {
            throw new JsonException("message without a numeric 'op'");
        }

        return (code, root.TryGetProperty("d", out var d) ? d : default);
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private async Task SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }
}
