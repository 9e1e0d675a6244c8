using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Ingest.LineProtocol;
using LiveRoom.Ingest.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LiveRoom.Ingest.Influx;

/// <summary>
/// Writes a batch of lines to InfluxDB through a Polly pipeline: per-attempt timeout, then exponential
/// backoff with jitter and a cap on 5xx (503 included), 404/401/403, timeouts and connection errors.
/// A 400 is never retried: InfluxDB 1.x stored the good lines ("partial write"); the refused lines are
/// found from the error text (or by bisecting the batch) and dead-lettered, and the batch counts as handled.
/// </summary>
public sealed class InfluxWriter
{
    private const int MaxDistinctErrors = 256;

    private readonly InfluxClient _client;
    private readonly IngestCounters _counters;
    private readonly IDeadLetterSink _deadLetters;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<InfluxWriteResult> _pipeline;
    private readonly ConcurrentDictionary<string, byte> _loggedErrors = new(StringComparer.Ordinal);

    public InfluxWriter(InfluxClient client, InfluxOptions options, IngestCounters counters, IDeadLetterSink deadLetters, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _counters = counters;
        _deadLetters = deadLetters;
        _logger = logger ?? NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder<InfluxWriteResult> { TimeProvider = timeProvider ?? TimeProvider.System };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<InfluxWriteResult>
            {
                ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = async args =>
                {
                    _counters.Retry();
                    var outcome = args.Outcome.Exception?.Message ?? args.Outcome.Result?.ToString() ?? "unknown";
                    IngestLog.WriteRetry(_logger, args.AttemptNumber + 1, outcome, args.RetryDelay);
                    if (args.Outcome.Result?.HttpStatus == HttpStatusCode.NotFound && DatabaseMissing is { } recreate)
                    {
                        // "database not found": someone dropped it while we run; create it again before the retry.
                        await RecreateAsync(recreate, args.Context.CancellationToken).ConfigureAwait(false);
                    }
                },
            });
        }

        _pipeline = builder
            .AddTimeout(options.RequestTimeout)
            .Build();
    }

    /// <summary>Called before retrying a write that InfluxDB answered with 404 (database not found).</summary>
    public Func<CancellationToken, Task>? DatabaseMissing { get; set; }

    /// <summary>
    /// Writes every line of <paramref name="lines"/>. <see cref="WriteOutcome.Handled"/> when all are handled (stored,
    /// or refused by InfluxDB and dead-lettered); not handled when InfluxDB stayed unreachable beyond the retry
    /// budget (the caller spills the batch).
    /// </summary>
    public async Task<WriteOutcome> WriteAsync(LineBuffer lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.LineCount == 0)
        {
            return new WriteOutcome(true, 0);
        }

        var refused = new StrongBox<int>();
        var handled = await WriteRangeAsync(lines, 0, lines.LineCount, refused, cancellationToken).ConfigureAwait(false);
        return new WriteOutcome(handled, refused.Value);
    }

    private async Task<bool> WriteRangeAsync(LineBuffer lines, int first, int count, StrongBox<int> refused, CancellationToken cancellationToken)
    {
        var body = first == 0 && count == lines.LineCount ? lines.Memory : lines.Lines(first, count);
        InfluxWriteResult result;
        try
        {
            result = await _pipeline.ExecuteAsync(
                static (state, ct) => new ValueTask<InfluxWriteResult>(state.Client.WriteAsync(state.Body, ct)),
                (Client: _client, Body: body),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            IngestLog.Spilling(_logger, _client.BaseUri, ex.Message, count);
            return false;
        }

        switch (result.Status)
        {
            case InfluxWriteStatus.Written:
                _counters.Write();
                return true;
            case InfluxWriteStatus.Transient:
                IngestLog.Spilling(_logger, _client.BaseUri, result.ToString(), count);
                return false;
            case InfluxWriteStatus.TooLarge when count > 1:
                return await SplitAsync(lines, first, count, refused, cancellationToken).ConfigureAwait(false);
            default:
                return await HandleRejectedAsync(lines, first, count, result.Error ?? "HTTP " + result.HttpStatus, refused, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> HandleRejectedAsync(LineBuffer lines, int first, int count, string error, StrongBox<int> refused, CancellationToken cancellationToken)
    {
        _counters.PartialWrite();
        if (_loggedErrors.Count < MaxDistinctErrors && _loggedErrors.TryAdd(PartialWriteError.Normalize(error), 0))
        {
            IngestLog.WriteRejected(_logger, error);
        }

        if (count == 1)
        {
            DeadLetter(lines, first, error, refused);
            return true;
        }

        var found = new List<int>();
        if (PartialWriteError.TryFindUnparsable(error, lines, first, count, found))
        {
            // InfluxDB stored every other line of the batch.
            foreach (var index in found)
            {
                DeadLetter(lines, index, error, refused);
            }

            return true;
        }

        // The error names no line (type conflict, beyond retention, …): bisect. Re-writing good lines is harmless,
        // a point with the same series and timestamp overwrites itself.
        return await SplitAsync(lines, first, count, refused, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> SplitAsync(LineBuffer lines, int first, int count, StrongBox<int> refused, CancellationToken cancellationToken)
    {
        var half = count / 2;
        return await WriteRangeAsync(lines, first, half, refused, cancellationToken).ConfigureAwait(false)
            && await WriteRangeAsync(lines, first + half, count - half, refused, cancellationToken).ConfigureAwait(false);
    }

    private void DeadLetter(LineBuffer lines, int index, string error, StrongBox<int> refused)
    {
        refused.Value++;
        _counters.LineDeadLettered();
        _deadLetters.LineRejected(lines.Line(index).ToArray(), error);
    }

    private async Task RecreateAsync(Func<CancellationToken, Task> recreate, CancellationToken cancellationToken)
    {
        try
        {
            await recreate(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InfluxException || IsTransient(ex, cancellationToken))
        {
            IngestLog.DatabaseNotReady(_logger, _client.BaseUri, ex.Message, TimeSpan.Zero);
        }
    }

    private static bool IsTransient(Outcome<InfluxWriteResult> outcome, CancellationToken cancellationToken) =>
        outcome.Exception is { } ex ? IsTransient(ex, cancellationToken) : outcome.Result?.Status == InfluxWriteStatus.Transient;

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        HttpRequestException or TimeoutRejectedException or IOException => true,

        // HttpClient's own timeout, not the caller's cancellation.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
