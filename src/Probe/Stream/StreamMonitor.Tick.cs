using LiveRoom.Contracts.Payloads;
using LiveRoom.Probe.Detection;

namespace LiveRoom.Probe.Stream;

public sealed partial class StreamMonitor
{
    /// <summary>One sampling step (the timer's callback): append the measurements and any events.</summary>
    internal void Tick()
    {
        if (!_tickGate.TryEnter())
        {
            return;
        }

        try
        {
            var sample = _meter.Sample();
            var audio = _audio.Sample();
            var picture = _picture.Sample();
            var ts = Now();
            if (sample.Up != _wasUp)
            {
                if (!sample.Up)
                {
                    AppendAll(_conditions.Clear(ts, "stream stopped"));
                    _lastProfile = null;
                }

                Append(sample.Up
                    ? StreamPoints.Event(EventTypes.StreamStarted, ts)
                    : StreamPoints.Event(EventTypes.StreamStopped, ts, Volatile.Read(ref _lastStopReason)));
                StreamLog.UpChanged(_logger, _name, sample.Up);
                _wasUp = sample.Up;
                if (sample.Up)
                {
                    _lastErrorReported = null;
                }
            }

            Append(StreamPoints.Measurement(sample, ts));
            Beacon?.Beat();
            var conditions = _evaluator.Evaluate(sample, audio, picture);
            if (sample.Up)
            {
                if (sample.HasAudio)
                {
                    Append(StreamPoints.Audio(audio, ts));
                }

                if (picture.Frames > 0)
                {
                    Append(StreamPoints.Picture(picture, IsActive(conditions, EventTypes.Black), IsActive(conditions, EventTypes.Frozen), ts));
                }

                CheckProfile(sample, ts);
                var events = _conditions.Update(conditions, ts);
                foreach (var e in events)
                {
                    StreamLog.Condition(_logger, _name, e.Fields[EventFields.Type].Text ?? string.Empty, e.Fields[EventFields.Active].Boolean ? "started" : "recovered", e.Fields.TryGetValue(EventFields.Message, out var m) ? m.Text ?? string.Empty : string.Empty);
                }

                AppendAll(events);
            }

            // Published last, so whoever sees this sample also finds its points in the sink.
            var room = new RoomSample { Stream = sample, Audio = audio, Picture = picture, Conditions = conditions };
            Volatile.Write(ref _lastRoomSample, room);
            OnSample?.Invoke(room);
            Volatile.Write(ref _lastSample, sample);
            if (_meter.IsStalled())
            {
                _stalled.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            // A timer callback must never throw; the next tick tries again.
            StreamLog.TickFailed(_logger, ex, _name);
        }
        finally
        {
            _tickGate.Exit();
        }
    }

    /// <summary>Codec, profile or resolution changed while up: one <c>profile_changed</c> event.</summary>
    private void CheckProfile(StreamSample sample, long ts)
    {
        if (sample.VideoCodec is null || sample.Width is null)
        {
            return;
        }

        var profile = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sample.VideoCodec} {sample.VideoProfile} {sample.Width}x{sample.Height}");
        if (_lastProfile is { } old && !string.Equals(old, profile, StringComparison.Ordinal))
        {
            Append(EventPoints.Create(EventTypes.ProfileChanged, ts, $"{old} -> {profile}"));
        }

        _lastProfile = profile;
    }

    private static bool IsActive(List<Condition> conditions, string type) =>
        conditions.Exists(c => c.Active && string.Equals(c.Type, type, StringComparison.Ordinal));

    private void AppendAll(List<MetricPoint> points)
    {
        foreach (var p in points)
        {
            Append(p);
        }
    }
}
