using LiveRoom.Contracts.Topics;
using LiveRoom.Ingest.Collecting;
using LiveRoom.Ingest.Options;
using LiveRoom.Ingest.Tests.Support;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Integration;

/// <summary>InfluxDB stopped mid-stream and started again: batches go to the spill buffer, drain in order, and are acknowledged only once stored.</summary>
public sealed class SpillAndDrainTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _state = new("ingest");
    private readonly HttpClient _http = new();
    private LiveRoom.Runtime.Services.InfluxServer _influx = null!;
    private TempDirectory _influxDir = null!;
    private FakeMqttClient _mqtt = null!;
    private Collector _collector = null!;

    public async Task InitializeAsync()
    {
        (_influx, _influxDir) = await Services.StartInfluxAsync();
        var options = new IngestOptions
        {
            StateDirectory = _state.Path,
            AckInterval = TimeSpan.FromMilliseconds(20),
            Influx = new InfluxOptions
            {
                Url = _influx.BaseUri.ToString(),
                Database = "spill",
                BatchSize = 100,
                FlushInterval = TimeSpan.FromMilliseconds(50),
                MaxRetryAttempts = 1,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                RequestTimeout = TimeSpan.FromSeconds(2),
                DrainProbeInterval = TimeSpan.FromMilliseconds(100),
            },
        };
        _collector = new Collector(options, o => _mqtt = new FakeMqttClient(o), _http);
        await _collector.StartAsync(CancellationToken.None);
        await _collector.DatabaseReady.WaitAsync(Wait);
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _influx.DisposeAsync();
        _influxDir.Dispose();
        _http.Dispose();
        _state.Dispose();
    }

    private async Task PublishAsync(long firstSeq, int messages, int pointsPerMessage)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000;
        for (var i = 0; i < messages; i++)
        {
            var seq = firstSeq + (i * pointsPerMessage);
            await _mqtt.DeliverAsync(Topic.Metrics("s1", "r1", "stream"), Payloads.Valid(floor: 1, firstSeq: seq, count: pointsPerMessage, ts: ts + seq));
        }
    }

    private long LatestAck => Acks.Latest(_mqtt.Published, "s1", "r1", "e1");

    [Fact]
    public async Task InfluxStoppedThenRestarted_SpillsThenDrainsAndAcknowledgesOnlyStoredPoints()
    {
        await PublishAsync(1, 10, 2);
        await Eventually.WaitAsync(() => LatestAck == 20, Wait, "ack 20 while InfluxDB is up");

        await _influx.StopAsync(CancellationToken.None);
        await PublishAsync(21, 10, 2);
        await Eventually.WaitAsync(() => _collector.Stats.PointsSpilled >= 20, Wait, "20 points spilled");

        Assert.Equal(20, _collector.Acknowledged("s1", "r1", "e1"));
        Assert.Equal(20, LatestAck);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_state.Path, "spill")));

        await _influx.RestartAsync(CancellationToken.None);
        await Eventually.WaitAsync(() => LatestAck == 40, Wait, "ack 40 after InfluxDB is back");

        using var query = new InfluxQuery(_influx.BaseUri, "spill");
        Assert.Equal(40, await query.SumAsync("SELECT count(fps) FROM \"stream\"", "count"));
        var stats = _collector.Stats;
        Assert.Equal(0, stats.SpillPending);
        Assert.True(stats.PointsDrained >= 20, stats.ToString());
        Assert.Equal(40, stats.PointsReceived);
    }
}
