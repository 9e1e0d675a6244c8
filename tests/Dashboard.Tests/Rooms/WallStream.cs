using System.Net.ServerSentEvents;
using System.Threading.Channels;

namespace LiveRoom.Dashboard.Tests.Rooms;

/// <summary>
/// One room wall following <c>/api/rooms/live/events</c>, as the page does; its <c>rooms</c> events are
/// queued for the test, the <c>collector</c> event that precedes each is kept aside as <see cref="Collector"/>
/// (the page handles it apart too). Disposing it closes the stream and the client it was given.
/// </summary>
internal sealed class WallStream : IAsyncDisposable
{
    /// <summary>How long a test waits for an event before it calls the stream stuck.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _disconnect = new();
    private readonly Channel<SseItem<string>> _events = Channel.CreateUnbounded<SseItem<string>>();
    private readonly HttpClient _client;
    private readonly Task _reading;
    private int _received;
    private string? _collector;

    public WallStream(HttpClient client, string name)
    {
        Name = name;
        _client = client;
        _reading = ReadAsync(client, _disconnect.Token);
    }

    public string Name { get; }

    /// <summary>The latest <c>collector</c> event's data, if any came.</summary>
    public string? Collector => Volatile.Read(ref _collector);

    /// <summary>Events received so far (taken by <see cref="NextAsync"/> or not).</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>The next event; fails when the stream ended or failed first, or nothing came within <see cref="Wait"/>.</summary>
    public async Task<SseItem<string>> NextAsync()
    {
        try
        {
            return await _events.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"wall {Name}: no event within {Wait.TotalSeconds} s (received {Received} so far)");
        }
        catch (ChannelClosedException ex)
        {
            throw new InvalidOperationException($"wall {Name}: the stream ended after {Received} event(s): {ex.InnerException?.Message ?? "closed by the server"}", ex);
        }
    }

    /// <summary>True when the stream ended without another event.</summary>
    public async Task<bool> EndedAsync()
    {
        await _reading;
        return !_events.Reader.TryPeek(out _);
    }

    /// <summary>Closes the connection, as a browser tab closed or a screen switched off.</summary>
    public async Task DisconnectAsync()
    {
        await _disconnect.CancelAsync();
        await _reading;
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _disconnect.Dispose();
        _client.Dispose();
    }

    private async Task ReadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/api/rooms/live/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
            {
                if (item.EventType == "collector")
                {
                    Volatile.Write(ref _collector, item.Data);
                    continue;
                }

                await _events.Writer.WriteAsync(item, cancellationToken);
                Interlocked.Increment(ref _received);
            }

            _events.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _events.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            // Surfaced by NextAsync with the wall's name, not lost in a task nobody awaits.
            _events.Writer.TryComplete(ex);
        }
    }
}
