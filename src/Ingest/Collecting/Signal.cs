using System.Threading.Channels;

namespace LiveRoom.Ingest.Collecting;

/// <summary>A coalescing wake-up: any number of <see cref="Set"/> calls wake one waiter.</summary>
internal sealed class Signal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken) =>
        await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Waits for a <see cref="Set"/> or until <paramref name="timeout"/> has passed on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out _))
        {
            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var read = _channel.Reader.WaitToReadAsync(cts.Token).AsTask();
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(read, delay).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        _channel.Reader.TryRead(out _);
    }
}
