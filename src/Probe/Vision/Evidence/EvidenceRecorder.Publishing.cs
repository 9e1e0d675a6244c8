using System.Collections.Concurrent;
using System.Text.Json;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>The bounded first publication, and the late PUBACK of one that timed out.</summary>
public sealed partial class EvidenceRecorder
{
    // JPEG path → nothing: a first attempt under way (stored, not yet concluded).
    private readonly ConcurrentDictionary<string, byte> _attempting = new(StringComparer.Ordinal);

    // JPEG path → a publication that timed out but may still be acknowledged (libmosquitto keeps QoS 1 messages in flight).
    private readonly ConcurrentDictionary<string, Task> _late = new(StringComparer.Ordinal);
    private long _unsent;
    private long _refused;
    private int _brokerSilent;

    /// <summary>Thumbnails not confirmed by a PUBACK within the timeout, or stored while the broker was silent: marked for replay.</summary>
    public long Unsent => Interlocked.Read(ref _unsent);

    /// <summary>
    /// Thumbnails the broker refused for good (<see cref="IsPermanentRefusal"/>): kept on this PC, never sent again, so
    /// one of them cannot hold up every later replay.
    /// </summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>
    /// A PUBACK reason the same message would get again: not authorised (0x87, the edge's account may not write that
    /// topic), topic name invalid (0x90), packet too large (0x95), payload format invalid (0x99). Others (quota exceeded,
    /// unspecified, implementation specific) may pass later and keep the thumbnail marked.
    /// </summary>
    internal static bool IsPermanentRefusal(Exception error) =>
        error is MqttException { ReasonCode: 0x87 or 0x90 or 0x95 or 0x99 };

    private async Task PublishFirstAsync(ThumbnailMessage message, string path, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _brokerSilent) != 0)
        {
            // The last publication timed out: another one would only wait as long again. The replay sends it.
            Interlocked.Increment(ref _unsent);
            return;
        }

        var result = await SendAsync(message, path, replayed: false, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == SendOutcome.Confirmed)
        {
            Interlocked.Increment(ref _published);
            return;
        }

        Interlocked.Increment(ref _failed);
        if (result.Outcome == SendOutcome.Refused)
        {
            return; // logged as an error, not marked
        }

        // The JPEG and its mark stay in the evidence directory; the broker being away is not worth more than a warning.
        Interlocked.Increment(ref _unsent);
        if (result.Outcome == SendOutcome.TimedOut)
        {
            LogNotConfirmed(_logger, message.Reason, _options.ThumbnailPublishTimeout.TotalSeconds);
        }
        else
        {
            LogNotPublished(_logger, message.Reason, result.Error);
        }
    }

    private enum SendOutcome
    {
        /// <summary>PUBACK received: the mark is removed.</summary>
        Confirmed,

        /// <summary>No PUBACK within the timeout: the broker counts as silent and a late PUBACK is watched for.</summary>
        TimedOut,

        /// <summary>Refused for good (<see cref="IsPermanentRefusal"/>): counted, logged, the mark removed.</summary>
        Refused,

        /// <summary>Failed otherwise (not connected, refused for now): the mark stays.</summary>
        Failed,
    }

    private readonly record struct SendResult(SendOutcome Outcome, string Error = "");

    /// <summary>Publishes and waits at most <c>ThumbnailPublishTimeout</c> for the PUBACK.</summary>
    private async Task<SendResult> SendAsync(ThumbnailMessage message, string path, bool replayed, CancellationToken cancellationToken)
    {
        var attempt = StartPublish(message, cancellationToken);
        try
        {
            await attempt.WaitAsync(_options.ThumbnailPublishTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Volatile.Write(ref _brokerSilent, 1);
            WatchLate(path, attempt, replayed);
            return new SendResult(SendOutcome.TimedOut);
        }
        catch (Exception ex) when (IsPermanentRefusal(ex))
        {
            Interlocked.Increment(ref _refused);
            LogRefused(_logger, message.Reason, message.Ts, path, ex.Message);
            ClearMark(path);
            return new SendResult(SendOutcome.Refused, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SendResult(SendOutcome.Failed, ex.Message);
        }

        ClearMark(path);
        return new SendResult(SendOutcome.Confirmed);
    }

    private void ClearMark(string path)
    {
        try
        {
            UnsentMarks.Remove(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogMarkNotRemoved(_logger, path, ex.Message); // sent again by the next replay: the central store keeps it once
        }
    }

    /// <summary>The publication as a task, a synchronous throw of the delegate included (it is a failure like any other).</summary>
    private Task StartPublish(ThumbnailMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, VisionJsonContext.Default.ThumbnailMessage);
        try
        {
            return _publish!(Topic.Thumbnail(message.Site, message.Room), payload, cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    /// <summary>
    /// A timed-out publication stays queued in libmosquitto and is sent after a reconnect (see <c>IMqttClient.PublishAsync</c>):
    /// its late PUBACK clears the mark, and shows that the broker answers again, so whatever waited is replayed.
    /// </summary>
    private void WatchLate(string path, Task attempt, bool replayed)
    {
        _late[path] = attempt;
        _ = attempt.ContinueWith(
            t => OnLateCompletion(path, t, replayed), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnLateCompletion(string path, Task attempt, bool replayed)
    {
        _late.TryRemove(new KeyValuePair<string, Task>(path, attempt));
        if (!attempt.IsCompletedSuccessfully)
        {
            _ = attempt.Exception; // observed: the mark stays for the next replay
            return;
        }

        ClearMark(path);
        Interlocked.Increment(ref replayed ? ref _replayed : ref _published);
        RequestReplay();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence thumbnail ({Reason}) not confirmed by the broker within {TimeoutSeconds} s; kept on disk, and later ones too, until the broker is back")]
    private static partial void LogNotConfirmed(ILogger logger, string reason, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evidence thumbnail ({Reason}, ts {Ts}) refused by the broker: {Error}. It stays on this PC ({Path}) and is not sent again; check the edge's broker account and ACL (security generate)")]
    private static partial void LogRefused(ILogger logger, string reason, long ts, string path, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence thumbnail {Path} was sent but its unsent mark could not be removed: {Error}")]
    private static partial void LogMarkNotRemoved(ILogger logger, string path, string error);
}
