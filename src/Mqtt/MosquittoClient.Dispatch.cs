namespace LiveRoom.Mqtt;

/// <summary>Off the native thread: received messages in order to OnMessage, connection events to ConnectionChanged.</summary>
public sealed partial class MosquittoClient
{
    private async Task DispatchMessagesAsync()
    {
        var handler = _options.OnMessage;
        var token = _disposeCts.Token;
        try
        {
            while (await _inbox.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (_inbox.Reader.TryRead(out var message))
                {
                    try
                    {
                        await handler!(message, token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        // STYLE.md rule 11: one bad message never stops the loop.
                        Interlocked.Increment(ref _handlerFailures);
                        Log.HandlerFailed(_logger, ex, message.Topic);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: a quiet exit.
        }
    }

    private async Task DispatchConnectionEventsAsync()
    {
        await foreach (var change in _connectionEvents.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                ConnectionChanged?.Invoke(this, change);
            }
            catch (Exception ex)
            {
                Log.ConnectionHandlerFailed(_logger, ex);
            }
        }
    }
}
