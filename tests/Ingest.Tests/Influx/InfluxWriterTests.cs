using System.Text;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Ingest.Influx;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Tests.Support;

namespace LiveRoom.Ingest.Tests.Influx;

/// <summary>Polly behaviour and partial writes against a real HTTP server on 127.0.0.1.</summary>
public sealed class InfluxWriterTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly IngestCounters _counters = new();
    private readonly RecordingDeadLetters _deadLetters = new();
    private FakeInflux _server = null!;

    public async Task InitializeAsync() => _server = await FakeInflux.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private InfluxWriter Writer(Uri? url = null, int retries = 3, TimeSpan? timeout = null)
    {
        var options = new InfluxOptions
        {
            Url = (url ?? _server.BaseUri).ToString(),
            MaxRetryAttempts = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        };
        return new InfluxWriter(new InfluxClient(_http, options), options, _counters, _deadLetters);
    }

    [Fact]
    public async Task WriteAsync_503Then204_RetriesAndSucceeds()
    {
        _server.Respond = (_, n) => n <= 2 ? (503, "service unavailable") : (204, null);
        var batch = Batches.Create(1, 10);

        var outcome = await Writer().WriteAsync(batch.Lines, CancellationToken.None);

        Assert.Equal(new WriteOutcome(true, 0), outcome);
        Assert.Equal(2, _counters.Snapshot().Retries);
        Assert.Equal(3, _server.Bodies.Count);
        Assert.All(_server.Bodies, body => Assert.Equal(Encoding.UTF8.GetString(batch.Lines.Span), body));
    }

    [Fact]
    public async Task WriteAsync_404DatabaseNotFound_RecreatesTheDatabaseAndRetries()
    {
        var recreated = 0;
        _server.Respond = (_, _) => recreated == 0 ? (404, "database not found: \"liveroom\"") : (204, null);
        var writer = Writer();
        writer.DatabaseMissing = _ =>
        {
            recreated++;
            return Task.CompletedTask;
        };

        var outcome = await writer.WriteAsync(Batches.Create(1, 3).Lines, CancellationToken.None);

        Assert.True(outcome.Handled);
        Assert.Equal(1, recreated);
        Assert.Equal(2, _server.Bodies.Count);
    }

    [Fact]
    public async Task WriteAsync_500Always_GivesUpAfterBudgetForTheSpill()
    {
        _server.Respond = (_, _) => (500, "engine failure");

        var outcome = await Writer(retries: 2).WriteAsync(Batches.Create(1, 3).Lines, CancellationToken.None);

        Assert.False(outcome.Handled);
        Assert.Equal(3, _server.Bodies.Count);
    }

    [Fact]
    public async Task WriteAsync_400PartialWriteNamingLines_DeadLettersThoseLinesWithoutRetry()
    {
        var batch = Batches.Create(1, 5);
        var bad1 = Encoding.UTF8.GetString(batch.Lines.Line(1).Span).TrimEnd('\n');
        var bad2 = Encoding.UTF8.GetString(batch.Lines.Line(3).Span).TrimEnd('\n');
        _server.Respond = (_, _) => (400, $"partial write: unable to parse '{bad1}': invalid field format\nunable to parse '{bad2}': bad timestamp dropped=0");

        var outcome = await Writer().WriteAsync(batch.Lines, CancellationToken.None);

        Assert.Equal(new WriteOutcome(true, 2), outcome);
        Assert.Single(_server.Bodies);
        Assert.Equal([bad1 + "\n", bad2 + "\n"], _deadLetters.Lines.Select(l => l.Line));
        var stats = _counters.Snapshot();
        Assert.Equal(1, stats.PartialWrites);
        Assert.Equal(2, stats.LinesDeadLettered);
        Assert.Equal(0, stats.Retries);
    }

    [Fact]
    public async Task WriteAsync_400WithoutLineNames_BisectsToTheOffendingLine()
    {
        var batch = Batches.Create(1, 16);
        var bad = Encoding.UTF8.GetString(batch.Lines.Line(11).Span);

        // A type conflict names no line: InfluxDB stores the rest and answers 400 for any body containing the bad one.
        _server.Respond = (body, _) => body.Contains(bad, StringComparison.Ordinal)
            ? (400, "partial write: field type conflict: input field \"fps\" on measurement \"stream\" is type float, already exists as type string dropped=1")
            : (204, null);

        var outcome = await Writer().WriteAsync(batch.Lines, CancellationToken.None);

        Assert.Equal(new WriteOutcome(true, 1), outcome);
        Assert.Equal(bad, Assert.Single(_deadLetters.Lines).Line);
        Assert.Equal(0, _counters.Snapshot().Retries);
    }

    [Fact]
    public async Task WriteAsync_ConnectionRefused_RetriesThenReportsUnavailable()
    {
        var closed = new Uri($"http://127.0.0.1:{LiveRoom.Runtime.Processes.FreePort.Next()}/");

        var outcome = await Writer(closed, retries: 2).WriteAsync(Batches.Create(1, 3).Lines, CancellationToken.None);

        Assert.False(outcome.Handled);
        Assert.Equal(2, _counters.Snapshot().Retries);
    }

    [Fact]
    public async Task WriteAsync_SlowAnswer_TimesOutAndRetries()
    {
        var release = new TaskCompletionSource();
        // Hold the first request past the attempt timeout.
        _server.Hold = n => n == 1 ? release.Task : Task.CompletedTask;

        var outcome = await Writer(timeout: TimeSpan.FromSeconds(1)).WriteAsync(Batches.Create(1, 3).Lines, CancellationToken.None);
        release.SetResult();

        // The held attempt cannot have answered before release, so it timed out and was retried
        // (a cold, busy machine may time out another one too).
        Assert.True(outcome.Handled);
        Assert.InRange(_counters.Snapshot().Retries, 1, 3);
    }
}
