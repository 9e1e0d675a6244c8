using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Lifecycle;

/// <summary>
/// The room state (issue 6 item 3), derived from the clock and <see cref="RoomInputs"/>: free → booked (next show
/// within <see cref="LifecycleOptions.BookedLookAhead"/>) → pre-show (checklist running) → ready / not-ready → live
/// (stream up during or near a show, or unscheduled) → fault (live with a critical condition, or the show's stream
/// lost before its end) → ended (stream stopped at the show's end, or the show over) → free or booked after
/// <see cref="LifecycleOptions.EndedHold"/>. Schedule comparisons use the wall clock; holds use the monotonic clock, so a
/// clock jump neither shortens nor stretches them. Not thread-safe: one caller (the lifecycle's step).
/// </summary>
public sealed class RoomStateMachine(LifecycleOptions options, TimeProvider time, string site, string room)
{
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private string _state = RoomStates.Free;
    private long _since = time.GetUtcNow().ToUnixTimeMilliseconds();
    private ScheduledShow? _liveShow;
    private bool _unscheduled;
    private long _endedAt;
    private ScheduledShow? _contextShow;

    public string State => _state;

    public RoomStateMessage Evaluate(RoomInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var now = time.GetUtcNow();
        var shows = inputs.Schedule?.Shows.OrderBy(s => s.Start).ToList() ?? [];
        var (state, reason, show) = Decide(inputs, shows, now);
        if (state != _state)
        {
            _state = state;
            _since = now.ToUnixTimeMilliseconds();
        }

        var live = state is RoomStates.Live or RoomStates.Fault;
        var after = show?.Start ?? now.ToUnixTimeMilliseconds();
        var next = shows.FirstOrDefault(s => s.Start > after && !_finished.Contains(s.Id) && s.End > now.ToUnixTimeMilliseconds());
        return new RoomStateMessage
        {
            V = SchemaVersion.Current,
            Site = site,
            Room = room,
            Ts = now.ToUnixTimeMilliseconds(),
            State = state,
            Since = _since,
            Unscheduled = live && _unscheduled,
            Reason = reason,
            Show = show is null ? null : ShowSummary.From(show),
            Next = next is null ? null : ShowSummary.From(next),
            Checklist = state is RoomStates.PreShow or RoomStates.Ready or RoomStates.NotReady ? inputs.Checklist?.Progress : null,
            TimeZone = inputs.Schedule?.TimeZone ?? "UTC",
        };
    }

    private (string State, string Reason, ScheduledShow? Show) Decide(RoomInputs inputs, List<ScheduledShow> shows, DateTimeOffset now)
    {
        var wasLive = _state is RoomStates.Live or RoomStates.Fault;
        if (inputs.StreamUp && (wasLive || StartsLive(inputs, shows, now)))
        {
            if (_unscheduled && shows.FirstOrDefault(s => now >= s.StartTime - options.LiveLead && now < s.EndTime) is { } due)
            {
                // A stream that was already up when a show's time came is that show now.
                _liveShow = due;
                _contextShow = due;
                _unscheduled = false;
            }

            if (inputs.Critical.Count > 0)
            {
                var worst = inputs.Critical[0];
                return (RoomStates.Fault, string.IsNullOrEmpty(worst.Message) ? worst.Type : $"{worst.Type}: {worst.Message}", _liveShow);
            }

            return (RoomStates.Live, string.Empty, _liveShow);
        }

        if (wasLive)
        {
            if (_liveShow is { } playing && now < playing.EndTime - options.EarlyEndTolerance)
            {
                return (RoomStates.Fault, RoomReasons.StreamLost, playing);
            }

            return Ended(_liveShow);
        }

        if (_state == RoomStates.Ended && time.GetElapsedTime(_endedAt) < options.EndedHold)
        {
            return (RoomStates.Ended, string.Empty, _contextShow);
        }

        // The show being prepared or expected is over without going on air.
        if (_contextShow is { } context && now >= context.EndTime && !_finished.Contains(context.Id))
        {
            return Ended(context);
        }

        return NotLive(inputs, shows, now);
    }

    /// <summary>Whether a stream that is up now starts the room's live state (and for which show).</summary>
    private bool StartsLive(RoomInputs inputs, List<ScheduledShow> shows, DateTimeOffset now)
    {
        var show = shows.FirstOrDefault(s => now >= s.StartTime - options.LiveLead && now < s.EndTime);
        if (show is null && inputs.Checklist is { ShowId.Length: > 0 })
        {
            // The encoder is being tested during the checklist, earlier than the live lead: still preparing.
            return false;
        }

        _liveShow = show;
        _unscheduled = show is null;
        _contextShow = show;
        if (show is not null)
        {
            _finished.Remove(show.Id);
        }

        return true;
    }

    private (string, string, ScheduledShow?) Ended(ScheduledShow? show)
    {
        if (show is not null)
        {
            _finished.Add(show.Id);
        }

        _endedAt = time.GetTimestamp();
        _liveShow = null;
        _contextShow = show;
        return (RoomStates.Ended, string.Empty, show);
    }

    private (string, string, ScheduledShow?) NotLive(RoomInputs inputs, List<ScheduledShow> shows, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        if (inputs.Checklist is { } run)
        {
            var show = shows.FirstOrDefault(s => s.Id == run.ShowId);
            _contextShow = show;
            if (show is not null && now >= show.StartTime + options.LiveLead)
            {
                return (RoomStates.NotReady, RoomReasons.NoStream, show);
            }

            if (run.FailReason is { } why)
            {
                return (RoomStates.NotReady, why, show);
            }

            return (run.Ready ? RoomStates.Ready : RoomStates.PreShow, string.Empty, show);
        }

        var current = shows.FirstOrDefault(s => s.Start <= nowMs && nowMs < s.End && !_finished.Contains(s.Id));
        if (current is not null)
        {
            _contextShow = current;
            return (now >= current.StartTime + options.LiveLead ? RoomStates.NotReady : RoomStates.Booked, now >= current.StartTime + options.LiveLead ? RoomReasons.NoStream : string.Empty, current);
        }

        var next = shows.FirstOrDefault(s => s.Start > nowMs && !_finished.Contains(s.Id));
        if (next is not null && next.StartTime - now <= options.BookedLookAhead)
        {
            _contextShow = next;
            return (RoomStates.Booked, string.Empty, next);
        }

        _contextShow = null;
        return (RoomStates.Free, string.Empty, null);
    }
}
