using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace LiveRoom.Probe.Obs;

internal sealed partial class ObsConnection
{
    /// <summary>Reads messages until the session ends; one bad message is counted and skipped (STYLE rule 11).</summary>
    private async Task ReceiveLoopAsync()
    {
        ObsException reason;
        try
        {
            while (true)
            {
                var raw = await ReceiveRawAsync(_stop.Token).ConfigureAwait(false);
                if (raw is null)
                {
                    reason = ClosedException("OBS closed the connection");
                    break;
                }

                try
                {
                    using var message = JsonDocument.Parse(raw.Value);
                    Dispatch(message.RootElement);
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
                {
                    _onBadMessage(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = new ObsException("connection closed by the probe");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            reason = new ObsException("connection to OBS lost: " + ex.Message, ex);
        }
        catch (ObsException ex)
        {
            reason = ex;
        }

        _closed.TrySetResult(reason);
    }

    private void Dispatch(JsonElement root)
    {
        var (op, d) = Envelope(root);
        switch (op)
        {
            case ObsProtocol.RequestResponse:
                var id = d.GetProperty("requestId").GetString() ?? string.Empty;
                var status = d.GetProperty("requestStatus");
                var result = new ObsRequestResult(
                    d.TryGetProperty("requestType", out var t) ? t.GetString() ?? string.Empty : string.Empty,
                    status.GetProperty("result").GetBoolean(),
                    status.GetProperty("code").GetInt32(),
                    status.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
                    d.TryGetProperty("responseData", out var data) && data.ValueKind == JsonValueKind.Object ? data.Clone() : null);
                if (_pending.TryGetValue(id, out var pending))
                {
                    pending.TrySetResult(result);
                }

                break;
            case ObsProtocol.Event:
                var type = d.GetProperty("eventType").GetString() ?? string.Empty;
                _onEvent(type, d.TryGetProperty("eventData", out var eventData) && eventData.ValueKind == JsonValueKind.Object ? eventData.Clone() : null);
                break;
            default:
                // Other op codes (Identified after a Reidentify, batch responses) are not used by this client.
                break;
        }
    }

    /// <summary>One whole text message as JSON; null when OBS closed the connection (the close is acknowledged).</summary>
    private async Task<JsonDocument?> ReceiveMessageAsync(CancellationToken cancellationToken) =>
        await ReceiveRawAsync(cancellationToken).ConfigureAwait(false) is { } raw ? JsonDocument.Parse(raw) : null;

    /// <summary>One whole text message; null when OBS closed the connection (the close is acknowledged).</summary>
    private async Task<ReadOnlyMemory<byte>?> ReceiveRawAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    try
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is WebSocketException or IOException)
                    {
                        // OBS is gone already.
                    }
                }

                return null;
            }

            if (result.MessageType != WebSocketMessageType.Text)
            {
                throw new ObsException("OBS sent a binary frame on the obswebsocket.json subprotocol");
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > ObsDefaults.MaxMessageBytes)
            {
                throw new ObsException("OBS sent a message larger than 1 MiB");
            }

            if (result.EndOfMessage)
            {
                return buffer.WrittenMemory;
            }
        }
    }
}
