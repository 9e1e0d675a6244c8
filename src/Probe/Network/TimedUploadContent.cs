using System.Net;

namespace LiveRoom.Probe.Network;

/// <summary>
/// A chunked request body that writes incompressible bytes for a fixed time (<see cref="TimeProvider"/>), then ends;
/// records how much it wrote and when the last byte went out.
/// </summary>
internal sealed class TimedUploadContent(TimeSpan duration, TimeProvider time) : HttpContent
{
    private const int ChunkBytes = 64 * 1024;

    public long BytesSent { get; private set; }

    public DateTimeOffset Finished { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    protected override Task SerializeToStreamAsync(System.IO.Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(System.IO.Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // Random bytes: a compressing proxy on the path cannot make the link look faster than it is.
        var chunk = new byte[ChunkBytes];
        Random.Shared.NextBytes(chunk);
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < duration)
        {
            await stream.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            BytesSent += chunk.Length;
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        Elapsed = time.GetElapsedTime(started);
        Finished = time.GetUtcNow();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
