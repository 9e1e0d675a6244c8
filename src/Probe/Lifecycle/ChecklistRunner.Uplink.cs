using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Probe.Lifecycle;

internal sealed partial class ChecklistRunner
{
    private Dictionary<string, ShowProfile?> _lastProfiles = new(StringComparer.Ordinal);

    /// <summary>The shows' profiles, for runs resumed from disk.</summary>
    private void UseScheduleLocked(ScheduleMessage? schedule)
    {
        if (schedule is not null)
        {
            _lastProfiles = schedule.Shows.ToDictionary(s => s.Id, s => s.Profile, StringComparer.Ordinal);
        }
    }

    /// <summary>Starts the active uplink test (in the background); the item keeps its last result until the new one arrives.</summary>
    private bool StartUplinkLocked(ChecklistRun run, CheckContext context, MeasurementSnapshot snapshot, DateTimeOffset now)
    {
        var fresh = (now - TimeSpan.FromSeconds(10)).ToUnixTimeMilliseconds();
        double? streamBps = snapshot.StreamUp(fresh)
            ? snapshot.Number(MetricKind.Stream, MetricKind.StreamFields.Bitrate, fresh)
            : context.Profile.MinBitrate;
        if (_uplink is null || !context.UplinkConfigured)
        {
            return SetItemLocked(run, AutomaticChecks.Uplink(null, running: false, context with { UplinkConfigured = false }, streamBps, now));
        }

        if (_uplinkRunning)
        {
            return false;
        }

        _uplinkRunning = true;
        var changed = run.Item(ChecklistItems.Uplink) is null
            && SetItemLocked(run, AutomaticChecks.Uplink(null, running: true, context, streamBps, now));
        var runId = run.Id;
        _uplinkTask = TestUplinkAsync(runId, context, streamBps);
        return changed;
    }

    private async Task TestUplinkAsync(string runId, CheckContext context, double? streamBps)
    {
        UplinkOutcome outcome;
        try
        {
            outcome = await _uplink!(streamBps, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            lock (_gate)
            {
                _uplinkRunning = false;
            }

            return;
        }
        catch (Exception ex)
        {
            outcome = new UplinkOutcome(null, ex.Message, Network.VerdictLevel.Fail, ex.Message);
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _uplinkRunning = false;
            if (_current is not { } run || run.Id != runId)
            {
                return;
            }

            SetItemLocked(run, AutomaticChecks.Uplink(outcome, running: false, context, streamBps, now));
            UpdateRunStatusLocked(run, now.ToUnixTimeMilliseconds());
            Save(run);
        }
    }
}
