using System.Text;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;
using LiveRoom.Probe.HostHealth;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Probe.Network;
using LiveRoom.Probe.Outbox;
using LiveRoom.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveRoom.Probe.Tests.Lifecycle;

/// <summary>A <see cref="RoomLifecycle"/> on a controllable clock, with a recording outbox, scripted uplink results and hand-made measurements.</summary>
internal sealed class LifecycleRig : IAsyncDisposable
{
    public const string Site = "s1";
    public const string Room = "r1";
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    private readonly ListSink _outbox = new();
    private readonly Queue<UplinkOutcome> _uplinks = new();

    public LifecycleRig(string directory, TimeProvider time, LifecycleOptions? options = null, bool uplinkConfigured = true)
    {
        Directory = directory;
        Time = time;
        Tee = new MeasurementTee(_outbox);
        Options = (options ?? new LifecycleOptions()) with { Directory = directory };
        Lifecycle = Create(uplinkConfigured);
    }

    public string Directory { get; }

    public TimeProvider Time { get; }

    public MeasurementTee Tee { get; }

    public LifecycleOptions Options { get; }

    public RoomLifecycle Lifecycle { get; private set; }

    public List<RoomStateMessage> Changes { get; } = [];

    public int UplinkTests { get; private set; }

    public IReadOnlyList<MetricPoint> Points => _outbox.Points;

    public IReadOnlyList<MetricPoint> Checklist => [.. _outbox.Points.Where(p => p.Kind == MetricKind.Checklist)];

    public static ScheduledShow Show(string id, TimeSpan startsIn, TimeSpan length, string title = "Evening sale") =>
        new() { Id = id, Title = title, Host = "Lin", Start = (T0 + startsIn).ToUnixTimeMilliseconds(), End = (T0 + startsIn + length).ToUnixTimeMilliseconds() };

    public static ScheduleMessage Schedule(long ts, IReadOnlyList<ManualItem>? manual = null, params ScheduledShow[] shows) => new()
    {
        V = SchemaVersion.Current,
        Site = Site,
        Room = Room,
        Ts = ts,
        TimeZone = "Asia/Shanghai",
        Shows = shows,
        Manual = manual ?? [],
    };

    public static byte[] Json(ScheduleMessage s) => JsonSerializer.SerializeToUtf8Bytes(s, ContractsJsonContext.Default.ScheduleMessage);

    public void Uplink(double? mbps, string? error = null)
    {
        var verdict = UplinkVerdict.Evaluate(mbps, null);
        _uplinks.Enqueue(new UplinkOutcome(mbps, error, verdict.Level, verdict.Reason));
    }

    public string? Apply(ScheduleMessage s) => Lifecycle.ApplySchedule("test", Json(s));

    public bool Command(ChecklistCommand c) =>
        Lifecycle.Handle(new MqttMessage(Topic.Command(Site, Room, CommandName.Checklist), JsonSerializer.SerializeToUtf8Bytes(c, ContractsJsonContext.Default.ChecklistCommand), MqttQos.AtLeastOnce, false));

    /// <summary>One second of a 1080p30 stream at 6 Mbit/s with audio at -20 LUFS (as the stream monitor writes it).</summary>
    public void StreamSecond(bool up = true, int height = 1080)
    {
        var ts = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var stream = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [MetricKind.StreamFields.Up] = up };
        if (up)
        {
            stream[MetricKind.StreamFields.Width] = height * 16 / 9;
            stream[MetricKind.StreamFields.Height] = height;
            stream[MetricKind.StreamFields.Fps] = 29.97;
            stream[MetricKind.StreamFields.Bitrate] = 6_000_000;
            stream[MetricKind.StreamFields.VideoCodec] = "h264";
            stream[MetricKind.StreamFields.AudioCodec] = "aac";
            stream[MetricKind.StreamFields.Uptime] = 5;
        }

        Tee.Append(new MetricPoint { Seq = 0, Ts = ts, Kind = MetricKind.Stream, Fields = stream });
        if (up)
        {
            Tee.Append(new MetricPoint { Seq = 0, Ts = ts, Kind = MetricKind.Audio, Fields = new Dictionary<string, FieldValue> { [AudioFields.Present] = true, [AudioFields.ShortTerm] = -20.0 } });
        }
    }

    /// <summary>The stream's first point after it came up: up for <paramref name="uptimeSeconds"/>, with nothing measured yet.</summary>
    public void StreamUpUnmeasured(double uptimeSeconds)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [MetricKind.StreamFields.Up] = true, [MetricKind.StreamFields.Uptime] = uptimeSeconds, [MetricKind.StreamFields.VideoCodec] = "h264" };
        Tee.Append(new MetricPoint { Seq = 0, Ts = Time.GetUtcNow().ToUnixTimeMilliseconds(), Kind = MetricKind.Stream, Fields = fields });
    }

    public void Event(string type, bool active, string message = "")
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [EventFields.Type] = type, [EventFields.Active] = active, [EventFields.Message] = message };
        Tee.Append(new MetricPoint { Seq = 0, Ts = Time.GetUtcNow().ToUnixTimeMilliseconds(), Kind = MetricKind.Event, Fields = fields });
    }

    public void HostAndNetwork(double diskGiB = 100, double clockMs = 3, double rttMs = 12, double loss = 0)
    {
        var ts = Time.GetUtcNow().ToUnixTimeMilliseconds();
        Tee.Append(new MetricPoint { Seq = 0, Ts = ts, Kind = MetricKind.Host, Fields = new Dictionary<string, FieldValue> { [HostPoints.DiskFreeBytes] = diskGiB * (1L << 30), [HostPoints.ClockOffsetMs] = clockMs } });
        Tee.Append(new MetricPoint { Seq = 0, Ts = ts, Kind = MetricKind.Network, Fields = new Dictionary<string, FieldValue> { [NetworkPoints.RttMs] = rttMs, [NetworkPoints.LossPercent] = loss } });
    }

    public RoomStateMessage Step()
    {
        Lifecycle.Tick();
        return Lifecycle.Current;
    }

    /// <summary>Simulates an edge restart: a new lifecycle over the same directory (the outbox record is kept).</summary>
    public async Task RestartAsync()
    {
        await Lifecycle.DisposeAsync();
        Lifecycle = Create(uplinkConfigured: true);
        Lifecycle.Start();
    }

    public ValueTask DisposeAsync() => Lifecycle.DisposeAsync();

    private RoomLifecycle Create(bool uplinkConfigured)
    {
        var baseline = new CheckContext { Profile = new ShowProfile(), Options = Options, UplinkConfigured = uplinkConfigured };
        return new RoomLifecycle(Site, Room, Options, baseline, Tee, uplinkConfigured ? TestUplinkAsync : null, Time, NullLogger.Instance, Changes.Add);
    }

    private Task<UplinkOutcome> TestUplinkAsync(double? bps, CancellationToken cancellationToken)
    {
        UplinkTests++;
        return Task.FromResult(_uplinks.Count > 0 ? _uplinks.Dequeue() : new UplinkOutcome(null, "no scripted result", VerdictLevel.Fail, "no result"));
    }

    private sealed class ListSink : IMetricSink
    {
        private readonly Lock _gate = new();
        private readonly List<MetricPoint> _points = [];
        private long _seq;

        public IReadOnlyList<MetricPoint> Points
        {
            get { lock (_gate) { return [.. _points]; } }
        }

        public MetricPoint Append(MetricPoint point)
        {
            lock (_gate)
            {
                var stored = point with { Seq = ++_seq };
                _points.Add(stored);
                return stored;
            }
        }
    }
}
