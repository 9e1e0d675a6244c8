using System.Text;

namespace LiveRoom.Probe.Tests.Display;

/// <summary>Reads a text/event-stream one block at a time: an event (type + data) or a comment.</summary>
internal sealed class SseReader(System.IO.Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next block: (event type or ":" for a comment or "retry", the data or comment text).</summary>
    public async Task<(string Type, string Data)> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var type = "message";
        var data = new StringBuilder();
        var any = false;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cts.Token) ?? throw new EndOfStreamException("the event stream ended");
            if (line.Length == 0)
            {
                if (any)
                {
                    return (type, data.ToString());
                }

                continue;
            }

            any = true;
            if (line.StartsWith(':'))
            {
                type = ":";
                data.Append(line[1..].Trim());
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
            else if (line.StartsWith("retry: ", StringComparison.Ordinal))
            {
                type = "retry";
                data.Append(line["retry: ".Length..]);
            }
        }
    }

    public async Task<(string Type, string Data)> NextStateAsync(TimeSpan timeout)
    {
        while (true)
        {
            var next = await NextAsync(timeout);
            if (next.Type == "state")
            {
                return next;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
