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
/// directory and publishes it.
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
        string site, string room, VisionOptions options, string directory, ThumbnailEncoder encoder, ReferenceCandidates candidates, ThumbnailPublish? publish, ILogger logger)
    {
        (_site, _room, _options, _encoder, _candidates, _publish, _logger) = (site, room, options, encoder, candidates, publish, logger);
        _directory = new EvidenceDirectory(directory, (long)options.EvidenceMaxMegabytes * 1024 * 1024);
        _queue = Channel.CreateBounded<EvidenceRequest>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Thumbnails written to the evidence directory.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>Thumbnails the broker acknowledged.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Requests dropped because encoding fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Encodings or publications that failed (logged).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Where the JPEGs are kept.</summary>
    public string Directory => _directory.Path;

    /// <summary>Called after each thumbnail is stored (and published, when a publisher is set): for tests and the check.</summary>
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

    /// <summary>Encodes, stores and publishes until cancelled; one failure never stops the loop (STYLE.md rule 11).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
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
        var path = _directory.Write(message);
        Interlocked.Increment(ref _recorded);
        if (_publish is not null)
        {
            var payload = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, VisionJsonContext.Default.ThumbnailMessage);
            try
            {
                await _publish(Contracts.Topics.Topic.Thumbnail(_site, _room), payload, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _published);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The JPEG stays in the evidence directory; the broker being away is not worth more than a warning.
                Interlocked.Increment(ref _failed);
                LogNotPublished(_logger, request.Reason, ex.Message);
            }
        }

        Stored?.Invoke(message, path);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Evidence thumbnail ({Reason}) failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string reason, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence thumbnail ({Reason}) kept on disk but not published: {Error}")]
    private static partial void LogNotPublished(ILogger logger, string reason, string error);
}
