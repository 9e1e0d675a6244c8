using LiveRoom.Contracts.Payloads;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>Event types that turn a live room into fault (issue 6 item 3: "a critical metric failing").</summary>
public static class CriticalEvents
{
    public static readonly IReadOnlyList<string> Types =
    [
        EventTypes.NoVideo, EventTypes.StreamStalled, EventTypes.Black, EventTypes.Frozen, EventTypes.Silence,
        EventTypes.BelowResolution, EventTypes.BelowFrameRate,
    ];

    /// <summary>The critical conditions of <paramref name="m"/>: active ones, and one-off ones seen within <see cref="LifecycleDefaults.MomentaryEventHold"/>.</summary>
    public static IReadOnlyList<ActiveEvent> Of(MeasurementSnapshot m, DateTimeOffset now)
    {
        var recent = (now - LifecycleDefaults.MomentaryEventHold).ToUnixTimeMilliseconds();
        return
        [
            .. Types.Select(t => m.Active.FirstOrDefault(a => a.Type == t) ?? m.OneOff.FirstOrDefault(a => a.Type == t && a.Since >= recent))
                .Where(a => a is not null)
                .Select(a => a!),
        ];
    }
}
