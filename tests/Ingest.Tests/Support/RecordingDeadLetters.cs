using System.Collections.Concurrent;
using System.Text;
using LiveRoom.Ingest.Influx;

namespace LiveRoom.Ingest.Tests.Support;

internal sealed class RecordingDeadLetters : IDeadLetterSink
{
    public ConcurrentQueue<(string Line, string Error)> Lines { get; } = new();

    public void LineRejected(ReadOnlyMemory<byte> line, string error) => Lines.Enqueue((Encoding.UTF8.GetString(line.Span), error));
}
