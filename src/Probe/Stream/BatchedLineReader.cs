using System.Text;

namespace LiveRoom.Probe.Stream;

/// <summary>
/// Reads text lines from the reader's packets FIFO in batches: one read takes whatever ffmpeg has written since the
/// last (the kernel's pipe buffer holds 64 KiB, about 15 s of framecrc lines at 1080p30 with audio), then the thread
/// sleeps for <see cref="Pause"/>. ffmpeg writes every packet's line at once (stream time stays exact: each line
/// carries its own timestamps), while the probe wakes a few times a second instead of once per packet (about 80 a
/// second), which is most of what reading them cost.
/// </summary>
internal static class BatchedLineReader
{
    /// <summary>How long to let lines gather between reads (well below the stall timeout and the 1 s sampling).</summary>
    internal static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>Reads until end of stream (a last line without a newline is delivered too). Blocking: run it on its own thread.</summary>
    public static void Run(System.IO.Stream source, Action<string> onLine, TimeSpan pause)
    {
        var buffer = new byte[64 * 1024];
        var partial = new StringBuilder();
        while (true)
        {
            var read = source.Read(buffer, 0, buffer.Length);
            if (read <= 0)
            {
                if (partial.Length > 0)
                {
                    onLine(partial.ToString());
                }

                return;
            }

            Split(buffer.AsSpan(0, read), partial, onLine);
            if (pause > TimeSpan.Zero)
            {
                // A throttle, not a clock: the lines' times come from their timestamps and the monitor's TimeProvider.
                Thread.Sleep(pause);
            }
        }
    }

    /// <summary>Delivers the complete lines of <paramref name="bytes"/> (after what <paramref name="partial"/> holds) and keeps the rest.</summary>
    internal static void Split(ReadOnlySpan<byte> bytes, StringBuilder partial, Action<string> onLine)
    {
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            if (end < 0)
            {
                partial.Append(Encoding.UTF8.GetString(bytes));
                return;
            }

            var line = bytes[..end];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (partial.Length > 0)
            {
                partial.Append(Encoding.UTF8.GetString(line));
                onLine(partial.ToString());
                partial.Clear();
            }
            else
            {
                onLine(Encoding.UTF8.GetString(line));
            }

            bytes = bytes[(end + 1)..];
        }
    }
}
