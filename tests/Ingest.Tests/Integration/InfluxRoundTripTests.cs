using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Diagnostics;
using LiveRoom.Ingest.Influx;
using LiveRoom.Ingest.LineProtocol;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Integration;

/// <summary>Line protocol, database set-up and partial writes against a real influxd.</summary>
public sealed class InfluxRoundTripTests(InfluxFixture influx) : IClassFixture<InfluxFixture>, IDisposable
{
    private readonly HttpClient _http = new();
    private readonly string _database = "t" + Guid.NewGuid().ToString("N")[..10];
    private readonly IngestCounters _counters = new();
    private readonly RecordingDeadLetters _deadLetters = new();

    public void Dispose() => _http.Dispose();

    private InfluxOptions Options(int retentionDays = 90) => new()
    {
        Url = influx.Server.BaseUri.ToString(),
        Database = _database,
        RetentionDays = retentionDays,
        MaxRetryAttempts = 1,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    };

    private async Task<InfluxWriter> ReadyWriterAsync()
    {
        var options = Options();
        var client = new InfluxClient(_http, options);
        await DatabaseInitializer.EnsureAsync(client, options, CancellationToken.None);
        return new InfluxWriter(client, options, _counters, _deadLetters);
    }

    private static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [Fact]
    public async Task EnsureAsync_CreatesThenAltersTheDefaultRetentionPolicy()
    {
        var client = new InfluxClient(_http, Options(90));
        await DatabaseInitializer.EnsureAsync(client, Options(90), CancellationToken.None);

        var created = await client.QueryAsync($"SHOW RETENTION POLICIES ON \"{_database}\"", CancellationToken.None);
        Assert.Contains("[\"liveroom\",\"2160h0m0s\",", created, StringComparison.Ordinal);
        Assert.Contains("1,true]", created, StringComparison.Ordinal);

        await DatabaseInitializer.EnsureAsync(new InfluxClient(_http, Options(120)), Options(120), CancellationToken.None);

        var altered = await client.QueryAsync($"SHOW RETENTION POLICIES ON \"{_database}\"", CancellationToken.None);
        Assert.Contains("[\"liveroom\",\"2880h0m0s\",", altered, StringComparison.Ordinal);
        Assert.Contains("1,true]", altered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_InjectedCharacters_ComeBackExactlyOrAsDocumentedSubstitutes()
    {
        var writer = await ReadyWriterAsync();
        var buffer = new LineBuffer();
        var encoder = new LineProtocolEncoder();
        var ts = NowMs;
        var point = new MetricPoint
        {
            Seq = 1,
            Ts = ts,
            Kind = "event",
            Tags = new Dictionary<string, string> { ["type"] = "a,b=c d\"e", ["nl"] = "x\ny", ["bs"] = "p\\q" },
            Fields = new Dictionary<string, FieldValue>
            {
                ["msg"] = "say \"hi\", a=b c\\d",
                ["multi"] = "one\ntwo",
                ["k,e y=1"] = 2.5,
                ["big"] = 1e20,
                ["tiny"] = -1.5e-7,
                ["ok"] = true,
            },
        };
        encoder.Encode(buffer, "s1", "r1", point);
        encoder.Encode(buffer, "s1", "r1", point with { Seq = 2, Tags = new Dictionary<string, string> { ["type"] = "x fps=1 1\nevil,room=other fps=666" } });

        var outcome = await writer.WriteAsync(buffer, CancellationToken.None);

        Assert.Equal(new WriteOutcome(true, 0), outcome);
        using var query = new InfluxQuery(influx.Server.BaseUri, _database);
        var rows = await query.RowsAsync("SELECT * FROM \"event\" GROUP BY *");
        Assert.Equal(2, rows.Count);
        var first = Assert.Single(rows, r => r.Number("seq") == 1);
        Assert.Equal("a,b=c d\"e", first.Tags["type"]);
        Assert.Equal("x␊y", first.Tags["nl"]);
        Assert.Equal("p＼q", first.Tags["bs"]);
        Assert.Equal("s1", first.Tags["site"]);
        Assert.Equal("r1", first.Tags["room"]);
        Assert.Equal("say \"hi\", a=b c\\d", first.Text("msg"));
        Assert.Equal("one␊two", first.Text("multi"));
        Assert.Equal(2.5, first.Number("k,e y=1"));
        Assert.Equal(1e20, first.Number("big"));
        Assert.Equal(-1.5e-7, first.Number("tiny"));
        Assert.Equal("true", first.Text("ok"));
        Assert.Equal(ts, first.Values["time"].GetInt64());
        var injected = Assert.Single(rows, r => r.Number("seq") == 2);
        Assert.Equal("x fps=1 1␊evil,room=other fps=666", injected.Tags["type"]);
        Assert.Equal("r1", injected.Tags["room"]);
    }

    [Fact]
    public async Task Write_SamePointTwice_OverwritesItself()
    {
        var writer = await ReadyWriterAsync();
        var batch = Batches.Create(1, 50, NowMs);

        await writer.WriteAsync(batch.Lines, CancellationToken.None);
        await writer.WriteAsync(batch.Lines, CancellationToken.None);

        using var query = new InfluxQuery(influx.Server.BaseUri, _database);
        Assert.Equal(50, await query.SumAsync("SELECT count(seq) FROM \"stream\"", "count"));
    }

    [Fact]
    public async Task Write_TwoPointsInOneMillisecond_BothStored()
    {
        var writer = await ReadyWriterAsync();
        var buffer = new LineBuffer();
        var encoder = new LineProtocolEncoder();
        var ts = NowMs;
        encoder.Encode(buffer, "s1", "r1", new MetricPoint { Seq = 7, Ts = ts, Kind = "stream", Fields = new Dictionary<string, FieldValue> { ["fps"] = 1.0 } });
        encoder.Encode(buffer, "s1", "r1", new MetricPoint { Seq = 8, Ts = ts, Kind = "stream", Fields = new Dictionary<string, FieldValue> { ["fps"] = 2.0 } });

        await writer.WriteAsync(buffer, CancellationToken.None);

        using var query = new InfluxQuery(influx.Server.BaseUri, _database);
        Assert.Equal(2, await query.SumAsync("SELECT count(fps) FROM \"stream\"", "count"));
    }

    [Fact]
    public async Task Write_UnparsableLine_IsDeadLetteredAndTheRestStored()
    {
        var writer = await ReadyWriterAsync();
        var batch = Batches.Create(1, 4, NowMs);
        var lines = new LineBuffer();
        lines.AppendLines(batch.Lines.Lines(0, 2).Span);
        lines.AppendLines("stream,room=r1,site=s1 fps=\n"u8);
        lines.AppendLines(batch.Lines.Lines(2, 2).Span);

        var outcome = await writer.WriteAsync(lines, CancellationToken.None);

        Assert.Equal(new WriteOutcome(true, 1), outcome);
        Assert.Equal("stream,room=r1,site=s1 fps=\n", Assert.Single(_deadLetters.Lines).Line);
        Assert.Equal(1, _counters.Snapshot().PartialWrites);
        using var query = new InfluxQuery(influx.Server.BaseUri, _database);
        Assert.Equal(4, await query.SumAsync("SELECT count(fps) FROM \"stream\"", "count"));
    }

    [Fact]
    public async Task Write_FieldTypeConflict_BisectsDeadLettersTheConflictAndStoresTheRest()
    {
        var writer = await ReadyWriterAsync();
        var ts = NowMs;
        var encoder = new LineProtocolEncoder();
        var first = new LineBuffer();
        encoder.Encode(first, "s1", "r1", new MetricPoint { Seq = 1, Ts = ts, Kind = "stream", Fields = new Dictionary<string, FieldValue> { ["codec"] = "h264" } });
        await writer.WriteAsync(first, CancellationToken.None);

        var batch = Batches.Create(2, 9, ts + 1);
        var conflicting = new MetricPoint { Seq = 20, Ts = ts + 20, Kind = "stream", Fields = new Dictionary<string, FieldValue> { ["codec"] = 5.0 } };
        batch.Add(encoder, Batches.Edge, conflicting);

        var outcome = await writer.WriteAsync(batch.Lines, CancellationToken.None);

        Assert.Equal(new WriteOutcome(true, 1), outcome);
        var (line, error) = Assert.Single(_deadLetters.Lines);
        Assert.Contains("codec=5,seq=20i", line, StringComparison.Ordinal);
        Assert.Contains("field type conflict", error, StringComparison.Ordinal);
        using var query = new InfluxQuery(influx.Server.BaseUri, _database);
        Assert.Equal(10, await query.SumAsync("SELECT count(seq) FROM \"stream\"", "count"));
    }
}
