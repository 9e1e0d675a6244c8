using System.Threading.Channels;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Probe.Frames;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Vision.Evidence;

/// <summary>Publishes one thumbnail (topic, payload); the worker passes the MQTT client's QoS 1 publish.</summary>
public delegate Task ThumbnailPublish(string topic, byte[] payload, CancellationToken cancellationToken);

/// <summary>
/// Evidence thumbnails (issue 5 item 5): on the reader's thread <see cref="OnFrame"/> only decides and copies the frame
/// (every <see cref="VisionOptions.ThumbnailInterval"/>, after <see cref="Trigger"/> by an event, or for a reference
/// <see cref="RequestCapture"/>); <see cref="RunAsync"/> encodes off the analysis path through a bounded queue that drops
/// the oldest request when ffmpeg falls behind (<see cref="Dropped"/>), keeps the JPEG in the edge's bounded evidence
/// directory and publishes it. The recorder never blocks on the broker: a publication waits at most
/// <see cref="VisionOptions.ThumbnailPublishTimeout"/> for its PUBACK; a thumbnail not confirmed stays marked unsent on
/// disk (<see cref="UnsentMarks"/>: a sidecar written before the JPEG, so a restart mid-flight keeps it too) and is
/// replayed oldest first by <see cref="RequestReplay"/> (the worker calls it on every MQTT reconnect) and at start-up.
/// After a timeout the broker counts as silent: later thumbnails are stored and marked without a publication until the
/// connection comes back or the late PUBACK arrives.
/// </summary>
public sealed partial class EvidenceRecorder : IFrameConsumer
{
    private const int QueueCapacity = 4;
    private readonly string _site;
    private readonly string _room;
    private readonly VisionOptions _options;
    private readonly EvidenceDirectory _directory;
    private readonly ThumbnailEncoder _encoder;
    private readonly ReferenceCandidates _candidates;
    private readonly ThumbnailPublish? _publish;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<EvidenceRequest> _queue;
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastInterval;
    private string? _pendingReason;
    private string? _pendingCapture;
    private long _recorded;
    private long _published;
    private long _dropped;
    private long _failed;

    public EvidenceRecorder(
        string site,
        string room,
        VisionOptions options,
        string directory,
        ThumbnailEncoder encoder,
        ReferenceCandidates candidates,
        ThumbnailPublish? publish,
        ILogger logger,
        TimeProvider? time = null)
    {
        (_site, _room, _options, _encoder, _candidates, _publish, _logger) = (site, room, options, encoder, candidates, publish, logger);
        _time = time ?? TimeProvider.System;
        _directory = new EvidenceDirectory(directory, (long)options.EvidenceMaxMegabytes * 1024 * 1024);
        _queue = Channel.CreateBounded<EvidenceRequest>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Thumbnails written to the evidence directory.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>Thumbnails the broker acknowledged when first published (within the timeout or later).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Requests dropped because encoding fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Encodings or first publications that failed or timed out (logged).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Where the JPEGs are kept.</summary>
    public string Directory => _directory.Path;

    /// <summary>Called after each thumbnail is stored and, when a publisher is set, its first publication is over (confirmed or marked unsent): for tests and the check.</summary>
    public event Action<ThumbnailMessage, string>? Stored;

    /// <summary>Take a thumbnail of the next frame because <paramref name="reason"/> (an event type) started.</summary>
    public void Trigger(string reason)
    {
        lock (_gate)
        {
            _pendingReason ??= reason;
        }
    }

    /// <summary>Keep the next frame as reference candidate <paramref name="captureId"/> and publish it for marking.</summary>
    public void RequestCapture(string captureId)
    {
        lock (_gate)
        {
            _pendingCapture = captureId;
        }
    }

    public void OnFrame(Frame frame)
    {
        string reason;
        string? capture;
        lock (_gate)
        {
            capture = _pendingCapture;
            if (capture is not null)
            {
                reason = ThumbnailReasons.ReferenceCandidate;
                _pendingCapture = null;
            }
            else if (_pendingReason is { } r)
            {
                reason = r;
                _pendingReason = null;
            }
            else if (_lastInterval is not { } last || frame.Timestamp - last >= _options.ThumbnailInterval)
            {
                reason = ThumbnailReasons.Interval;
                _lastInterval = frame.Timestamp;
            }
            else
            {
                return;
            }
        }

        // The frame buffer is reused after this call: copy it (345 KiB at 640x360, a few times an hour).
        _queue.Writer.TryWrite(new EvidenceRequest(frame.Raw.ToArray(), frame.Width, frame.Height, frame.Timestamp, reason, capture));
    }

    /// <summary>
    /// Encodes, stores and publishes until cancelled, and replays what earlier runs or outages left unsent; one failure
    /// never stops either loop (STYLE.md rule 11).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_publish is null)
        {
            await EncodeLoopAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        RequestReplay(); // what a previous run left unsent (or in flight when it stopped)
        await Task.WhenAll(EncodeLoopAsync(cancellationToken), ReplayLoopAsync(cancellationToken)).ConfigureAwait(false);
    }

    private async Task EncodeLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var request in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await ProcessAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref _failed);
                    LogFailed(_logger, request.Reason, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessAsync(EvidenceRequest request, CancellationToken cancellationToken)
    {
        if (request.Capture is { } capture)
        {
            _candidates.Save(capture, request.Yuv, request.Width, request.Height, request.Timestamp);
        }

        var encoded = await _encoder.EncodeAsync(request.Yuv, request.Width, request.Height, cancellationToken).ConfigureAwait(false);
        var message = new ThumbnailMessage
        {
            V = Contracts.Payloads.SchemaVersion.Current,
            Site = _site,
            Room = _room,
            Ts = request.Timestamp.ToUnixTimeMilliseconds(),
            Reason = request.Reason,
            Width = encoded.Width,
            Height = encoded.Height,
            Capture = request.Capture,
            Jpeg = encoded.Jpeg,
        };
        string path;
        if (_publish is null)
        {
            path = _directory.Write(message);
            Interlocked.Increment(ref _recorded);
        }
        else
        {
            path = _directory.PathOf(message);
            _attempting[path] = 0; // the replay leaves it alone until this attempt is over
            try
            {
                // The mark first: a crash or restart before the PUBACK leaves the thumbnail marked, never silently unsent.
                UnsentMarks.Write(message, path);
                _directory.Write(message);
                Interlocked.Increment(ref _recorded);
                await PublishFirstAsync(message, path, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _attempting.TryRemove(path, out _);
            }
        }

        Stored?.Invoke(message, path);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Evidence thumbnail ({Reason}) failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string reason, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence thumbnail ({Reason}) kept on disk but not published: {Error}; it is sent again when the broker is back")]
    private static partial void LogNotPublished(ILogger logger, string reason, string error);
}
