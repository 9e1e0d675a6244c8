using LiveRoom.Contracts.Payloads;
using LiveRoom.Ingest.Alerts;
using LiveRoom.Ingest.Alerts.Acknowledging;
using LiveRoom.Ingest.Alerts.Evaluation;
using LiveRoom.Ingest.Alerts.Incidents;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Support;

/// <summary>Evaluator + engine on a fake clock, with recorded notices; no threads, no timers.</summary>
internal sealed class AlertHarness
{
    private long _seq;

    /// <remarks>incidents, time: a collector restarted (or taking over) with the records and the clock of another harness.</remarks>
    public AlertHarness(IReadOnlyList<AlertRule>? rules = null, IRoomStateProvider? rooms = null, AlertOptions? options = null, IncidentLog? incidents = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider();
        Incidents = incidents ?? new IncidentLog();
        Options = options ?? new AlertOptions { GroupWait = TimeSpan.FromSeconds(1), RepeatInterval = TimeSpan.FromMinutes(30), EscalateAfter = TimeSpan.FromMinutes(10) };
        Signer = new AckTokenSigner(new byte[32], Time);
        Engine = new AlertEngine(Options, rooms ?? Rooms, Rota, Incidents, Notifier, id => "http://127.0.0.1:5081/alerts/" + Signer.Create(id, TimeSpan.FromHours(24)), Time);
        Evaluator = new RuleEvaluator(rules ?? DefaultRules.All, Engine, Time);
    }

    public FakeTimeProvider Time { get; }

    public FixedRooms Rooms { get; } = new();

    public OnCallRota Rota { get; } = new();

    public IncidentLog Incidents { get; }

    public RecordingNotifier Notifier { get; } = new();

    public AlertOptions Options { get; }

    public AckTokenSigner Signer { get; }

    public AlertEngine Engine { get; }

    public RuleEvaluator Evaluator { get; }

    public static MetricBatch Batch(string site, string room, params MetricPoint[] points) => new()
    {
        V = SchemaVersion.Current, Site = site, Room = room, Edge = "e1", Floor = 1, Points = points,
    };

    public MetricPoint Point(string kind, params (string Key, FieldValue Value)[] fields) => new()
    {
        Seq = ++_seq, Ts = Time.GetUtcNow().ToUnixTimeMilliseconds(), Kind = kind, Fields = fields.ToDictionary(f => f.Key, f => f.Value),
    };

    public void Stream(string site, string room, double fps, bool up = true, double height = 1080) =>
        Evaluator.OnBatch(Batch(site, room, Point(MetricKind.Stream, (MetricKind.StreamFields.Fps, fps), (MetricKind.StreamFields.Up, up), (MetricKind.StreamFields.Height, height))));

    public void Uplink(string site, string room, double mbps) =>
        Evaluator.OnBatch(Batch(site, room, Point(MetricKind.Network, ("uplink_mbps", mbps))));

    /// <summary>Moves the clock and lets the engine apply changes and run its timed steps.</summary>
    public void Step(TimeSpan by)
    {
        Engine.ProcessPending();
        Time.Advance(by);
        Engine.ProcessPending();
    }

    public void Step(double seconds = 0) => Step(TimeSpan.FromSeconds(seconds));
}
