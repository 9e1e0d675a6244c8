using LiveRoom.Probe.Audio;
using LiveRoom.Probe.Frames;

namespace LiveRoom.Probe.Stream;

/// <summary>The reader's side channels: the packets, log, pictures and audio FIFOs, stderr (errors), and the layout.</summary>
public sealed partial class StreamMonitor
{
    private Task[] StartPipeReaders(ReaderPipes pipes, ReaderLayout layout)
    {
        var readers = new List<Task>
        {
            Task.Factory.StartNew(() => ReadPipe(pipes.Packets, s => BatchedLineReader.Run(s, _meter.OnLine, BatchedLineReader.Pause)), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default),
            Task.Factory.StartNew(() => ReadPipe(pipes.Log, s => BatchedLineReader.Run(s, _meter.OnStderrLine, BatchedLineReader.Pause)), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default),
        };
        if (layout.Pictures)
        {
            var frames = new FrameReader(_options.Frames.Width, _options.Frames.Height, _frameConsumers, _time);
            readers.Add(Task.Factory.StartNew(() => ReadPipe(pipes.Pictures, s => frames.Run(s)), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }

        if (layout.Audio)
        {
            readers.Add(Task.Factory.StartNew(() => ReadPipe(pipes.Audio, s => AudioReader.Run(s, _audio, AudioReader.Pause, reason => StreamLog.PipeFailed(_logger, _name, pipes.Audio, reason))), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }

        return [.. readers];
    }

    /// <summary>A stderr line (errors only): kept for the reason a reader failed.</summary>
    private void OnStderrLine(string line)
    {
        lock (_stderrTail)
        {
            _stderrTail.Enqueue(line);
            if (_stderrTail.Count > StderrTailLines)
            {
                _stderrTail.Dequeue();
            }
        }
    }

    /// <summary>The last stderr lines that are not the input dump or filter summaries, for error messages.</summary>
    private string StderrTail()
    {
        lock (_stderrTail)
        {
            // Not the input dump (indented) nor the filters' summaries at exit: the error is in what remains.
            var lines = _stderrTail.Where(l => !l.StartsWith(' ') && !l.StartsWith("[Parsed_", StringComparison.Ordinal)).ToList();
            var text = ContextAddress().Replace(string.Join(" | ", lines.Skip(Math.Max(0, lines.Count - 5))), string.Empty);
            _stderrTail.Clear();
            return text;
        }
    }

    private void ReadPipe(string path, Action<System.IO.Stream> read)
    {
        try
        {
            using var stream = ReaderPipes.OpenRead(path);
            read(stream);
        }
        catch (IOException ex)
        {
            StreamLog.PipeFailed(_logger, _name, path, ex.Message);
        }

    }

    private static async Task ReleasePipesAsync(ReaderPipes pipes, Task[] readers)
    {
        // A reader still blocked opening its FIFO (ffmpeg died before opening the write end) is let go to EOF.
        var all = Task.WhenAll(readers);
        while (!all.IsCompleted)
        {
            pipes.ReleaseAll();
            await Task.WhenAny(all, Task.Delay(50)).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when the input dump shows a track this layout does not decode (e.g. audio added after a start without it).</summary>
    private async Task WaitForLayoutMismatchAsync(ReaderLayout layout, Task exited, CancellationToken cancellationToken)
    {
        if (!_options.Decode)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        while (!exited.IsCompleted)
        {
            if (_meter.InputTracks is { } tracks)
            {
                if ((tracks.Pictures && !layout.Pictures) || (tracks.Audio && !layout.Audio))
                {
                    _layout = new ReaderLayout(tracks.Pictures, tracks.Audio);
                    return;
                }

                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After an exit: when the dump showed the source lacks a track the layout decodes, drop that output.</summary>
    private bool AdaptLayout(ReaderLayout layout)
    {
        if (!_options.Decode || _meter.InputTracks is not { } tracks)
        {
            return false;
        }

        var next = new ReaderLayout(layout.Pictures && tracks.Pictures, layout.Audio && tracks.Audio);
        if (next == layout)
        {
            return false;
        }

        _layout = next;
        return true;
    }
}
