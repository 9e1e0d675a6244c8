using System.Text.Json;
using System.Threading.Channels;
using LiveRoom.Contracts.Payloads.Vision;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>Replay of the thumbnails marked unsent: oldest first, one pass per request, the pass stops at the first failure (a permanent refusal is not one: that thumbnail is dropped from the replay and the pass goes on).</summary>
public sealed partial class EvidenceRecorder
{
    // Capacity 1: a request during a pass means one more pass after it, however many reconnects came meanwhile.
    private readonly Channel<bool> _replayRequests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _replayed;
    private long _lost;
    private long _replayPasses;

    /// <summary>Thumbnails sent again by a replay and acknowledged by the broker.</summary>
    public long Replayed => Interlocked.Read(ref _replayed);

    /// <summary>Unsent thumbnails that can no longer be sent: pruned by the directory bound first, or their mark unreadable.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Replay passes completed (one at start-up, one after each <see cref="RequestReplay"/>).</summary>
    internal long ReplayPasses => Interlocked.Read(ref _replayPasses);

    /// <summary>
    /// The broker is reachable again (the worker calls this on every MQTT reconnect): publish the thumbnails marked
    /// unsent, oldest first, in the background. Never blocks.
    /// </summary>
    public void RequestReplay()
    {
        Volatile.Write(ref _brokerSilent, 0);
        _replayRequests.Writer.TryWrite(true);
    }

    private async Task ReplayLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in _replayRequests.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await ReplayPassAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogReplayFailed(_logger, _directory.Path, ex.Message);
                }

                Interlocked.Increment(ref _replayPasses);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReplayPassAsync(CancellationToken cancellationToken)
    {
        var (replayed, lost, firstLost) = (0, 0, (string?)null);
        foreach (var path in UnsentMarks.Oldest(_directory.Path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_attempting.ContainsKey(path))
            {
                continue; // its first attempt is not over yet: that attempt decides
            }

            // After a reconnect libmosquitto resends what it still holds in flight [MQTT-4.4.0-1]: wait for that PUBACK rather than send a copy.
            if (_late.TryGetValue(path, out var pending) && await ConfirmedAsync(pending, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (!UnsentMarks.Exists(path))
            {
                continue; // confirmed meanwhile
            }

            ThumbnailMessage message;
            try
            {
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException(null, path); // removed by the directory bound (EvidenceDirectory.Prune)
                }

                message = UnsentMarks.Read(path);
            }
            catch (FileNotFoundException) when (!UnsentMarks.Exists(path))
            {
                continue; // confirmed meanwhile
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                // One bad thumbnail never stops the pass (STYLE.md rule 11); a missing JPEG is the directory bound's doing.
                if (ex is not FileNotFoundException)
                {
                    LogUnreadable(_logger, path, ex.Message);
                }

                ClearMark(path);
                lost++;
                firstLost ??= Path.GetFileName(path);
                continue;
            }

            var result = await SendAsync(message, path, replayed: true, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == SendOutcome.Refused)
            {
                continue; // the broker answered: the rest may pass
            }

            if (result.Outcome != SendOutcome.Confirmed)
            {
                LogReplayStopped(_logger, message.Reason, message.Ts, result.Outcome == SendOutcome.TimedOut ? "no PUBACK within the timeout" : result.Error);
                break;
            }

            Interlocked.Increment(ref _replayed);
            replayed++;
        }

        Interlocked.Add(ref _lost, lost);
        if (lost > 0)
        {
            LogLost(_logger, lost, firstLost!, _directory.Path);
        }

        if (replayed > 0)
        {
            LogReplayed(_logger, replayed);
        }
    }

    /// <summary>True when a publication that timed out earlier is acknowledged within one more timeout.</summary>
    private async Task<bool> ConfirmedAsync(Task pending, CancellationToken cancellationToken)
    {
        try
        {
            await pending.WaitAsync(_options.ThumbnailPublishTimeout, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} evidence thumbnails that were not sent before")]
    private static partial void LogReplayed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence replay stopped at the thumbnail ({Reason}) of {Ts}: {Error}; the rest waits for the next reconnect")]
    private static partial void LogReplayStopped(ILogger logger, string reason, long ts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} unsent evidence thumbnails were lost (the first {First}): removed from {Directory} by its size bound (Probe:Vision:EvidenceMaxMegabytes) before the broker could take them")]
    private static partial void LogLost(ILogger logger, int count, string first, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unsent evidence thumbnail {Path} cannot be read and is dropped: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evidence replay over {Directory} failed: {Error}")]
    private static partial void LogReplayFailed(ILogger logger, string directory, string error);
}
