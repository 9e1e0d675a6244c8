using System.Globalization;
using System.Threading.Channels;
using LiveRoom.Ingest.Alerts.Rules;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LiveRoom.Ingest.Alerts.Notifying;

/// <summary>
/// One queue and one loop per channel, so a slow or failing receiver never holds up the others or the engine. Each
/// send goes through Polly (per-attempt timeout; exponential backoff with jitter on transport errors, 5xx and rate
/// limits; permanent refusals are not retried). A channel sends at most <see cref="ChannelOptions.MaxPerMinute"/>
/// messages a minute: whatever queued up meanwhile goes out as one digest. Same idempotency key on every retry.
/// </summary>
public sealed class NotificationDispatcher : INotifier
{
    private static readonly ResiliencePropertyKey<string> KeyProperty = new("liveroom.idempotency-key");

    private readonly List<Lane> _lanes = [];
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public NotificationDispatcher(ILogger logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
    }

    /// <summary>Notices sent successfully, over all channels.</summary>
    public long Sent => _lanes.Sum(l => Interlocked.Read(ref l.SentCount));

    /// <summary>Whether any channel is configured.</summary>
    public bool HasChannels => _lanes.Count > 0;

    /// <summary>The configured channels, in order: where alert notices go.</summary>
    public IReadOnlyList<ChannelInfo> Channels => _lanes.Select(l => new ChannelInfo(l.Sender.Name, l.Type, l.MinSeverity, l.MaxPerMinute)).ToArray();

    public void Add(INotificationSender sender, int maxPerMinute, AlertSeverity minSeverity, int retries, TimeSpan baseDelay, TimeSpan timeout, string type = "webhook")
    {
        ArgumentNullException.ThrowIfNull(sender);
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NotificationException>(e => !e.Permanent).Handle<HttpRequestException>().Handle<TimeoutRejectedException>().Handle<IOException>(),
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = TimeSpan.FromMinutes(1),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Exception is NotificationException { RateLimited: true } ? TimeSpan.FromSeconds(60.0 / Math.Max(1, maxPerMinute)) * 2 : null),
                OnRetry = args =>
                {
                    AlertLog.SendRetry(_logger, args.Context.Properties.GetValue(KeyProperty, "?"), sender.Name, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "?", args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        var pipeline = builder.AddTimeout(timeout).Build();
        _lanes.Add(new Lane(sender, pipeline, Math.Max(1, maxPerMinute), minSeverity, type));
    }

    /// <summary>
    /// Sends <paramref name="notice"/> (a <see cref="NoticeKind.Test"/>) through every channel at once, whatever its
    /// minimum severity, once each — no retry, so the answer says what an alert's first attempt would meet — and says how
    /// each went: delivered, or the receiver's refusal or the transport's error, or no answer within <paramref name="timeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<ChannelTestResult>> TestAsync(AlertNotice notice, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return await Task.WhenAll(_lanes.Select(async lane =>
        {
            var started = _time.GetTimestamp();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            string? error = null;
            try
            {
                await lane.Sender.SendAsync(notice, limit.Token).ConfigureAwait(false);
                AlertLog.Sent(_logger, notice.IdempotencyKey, notice.Kind.ToString(), 0, lane.Sender.Name);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds:0.#} s");
            }
            catch (Exception ex) when (ex is NotificationException or HttpRequestException or IOException or InvalidOperationException or System.Net.Mail.SmtpException)
            {
                error = ex.Message;
            }

            if (error is not null)
            {
                AlertLog.SendFailed(_logger, notice.IdempotencyKey, lane.Sender.Name, error);
            }

            return new ChannelTestResult(lane.Sender.Name, lane.Type, error is null, error, (long)_time.GetElapsedTime(started).TotalMilliseconds, lane.MinSeverity);
        })).ConfigureAwait(false);
    }

    public void Enqueue(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        foreach (var lane in _lanes)
        {
            if (notice.Alerts.Any(a => a.Severity >= lane.MinSeverity))
            {
                lane.Queue.Writer.TryWrite(notice);
            }
        }
    }

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_lanes.Select(l => Task.Run(() => RunLaneAsync(l, cancellationToken), CancellationToken.None)));

    private async Task RunLaneAsync(Lane lane, CancellationToken cancellationToken)
    {
        var window = new Queue<DateTimeOffset>();
        while (await lane.Queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Rate limit: wait for a free slot in the last minute; what queues up meanwhile is digested.
            while (window.Count > 0 && _time.GetUtcNow() - window.Peek() >= TimeSpan.FromMinutes(1))
            {
                window.Dequeue();
            }

            if (window.Count >= lane.MaxPerMinute)
            {
                var wait = window.Peek() + TimeSpan.FromMinutes(1) - _time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var batch = new List<AlertNotice>();
            while (batch.Count < 100 && lane.Queue.Reader.TryRead(out var n))
            {
                batch.Add(n);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            var notice = batch.Count == 1 ? batch[0] : Digest(batch);
            if (batch.Count > 1)
            {
                AlertLog.Digested(_logger, batch.Count, lane.Sender.Name, lane.MaxPerMinute);
            }

            window.Enqueue(_time.GetUtcNow());
            await SendAsync(lane, notice, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(Lane lane, AlertNotice notice, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(KeyProperty, notice.IdempotencyKey);
        try
        {
            await lane.Pipeline.ExecuteAsync(async (ctx, n) => await lane.Sender.SendAsync(n, ctx.CancellationToken).ConfigureAwait(false), context, notice).ConfigureAwait(false);
            Interlocked.Increment(ref lane.SentCount);
            AlertLog.Sent(_logger, notice.IdempotencyKey, notice.Kind.ToString(), notice.Alerts.Count, lane.Sender.Name);
        }
        catch (Exception ex) when (ex is NotificationException or HttpRequestException or TimeoutRejectedException or IOException or InvalidOperationException)
        {
            AlertLog.SendFailed(_logger, notice.IdempotencyKey, lane.Sender.Name, ex.Message);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One message for a burst: every alert of every queued notice, the first notice's kind, a key derived from the first.</summary>
    internal static AlertNotice Digest(IReadOnlyList<AlertNotice> batch)
    {
        var alerts = batch.SelectMany(n => n.Alerts).ToArray();
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in batch)
        {
            foreach (var (id, link) in n.Links)
            {
                links[id] = link;
            }
        }

        var groups = batch.Select(n => n.GroupKey).Distinct(StringComparer.Ordinal).ToArray();
        return new AlertNotice(
            batch[0].Kind,
            groups.Length == 1 ? groups[0] : "digest",
            alerts,
            batch.SelectMany(n => n.Recipients).Distinct().ToArray(),
            links,
            "digest-" + batch[0].IdempotencyKey + "-" + batch[^1].IdempotencyKey,
            batch[^1].CreatedAt);
    }

    private sealed class Lane(INotificationSender sender, ResiliencePipeline pipeline, int maxPerMinute, AlertSeverity minSeverity, string type)
    {
        public string Type { get; } = type;

        public long SentCount;

        public INotificationSender Sender { get; } = sender;

        public ResiliencePipeline Pipeline { get; } = pipeline;

        public int MaxPerMinute { get; } = maxPerMinute;

        public AlertSeverity MinSeverity { get; } = minSeverity;

        public Channel<AlertNotice> Queue { get; } = Channel.CreateBounded<AlertNotice>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    }
}
