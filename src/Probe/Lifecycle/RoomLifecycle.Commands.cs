using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Serialization;
using LiveRoom.Contracts.Topics;
using LiveRoom.Mqtt;

namespace LiveRoom.Probe.Lifecycle;

public sealed partial class RoomLifecycle
{
    /// <summary>The topics the lifecycle reads: the retained schedule and checklist commands.</summary>
    public IReadOnlyList<string> Topics => [Topic.Command(_site, _room, CommandName.Schedule), Topic.Command(_site, _room, CommandName.Checklist)];

    /// <summary>Handles a message of <see cref="Topics"/>; returns false for any other topic. A bad message is logged and ignored.</summary>
    public bool Handle(MqttMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Topic == Topic.Command(_site, _room, CommandName.Schedule))
        {
            ApplySchedule(message.Topic, message.Payload.Span);
            return true;
        }

        if (message.Topic == Topic.Command(_site, _room, CommandName.Checklist))
        {
            HandleCommand(message.Topic, message.Payload.Span);
            return true;
        }

        return false;
    }

    /// <summary>Takes a schedule if it is valid and newer than the one in use; keeps it on disk. Returns why not, or null.</summary>
    public string? ApplySchedule(string source, ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            // A cleared retained message: the central side removed the room's schedule topic; keep what we have.
            LifecycleLog.ScheduleRefused(_logger, source, "empty payload (retained message cleared)");
            return "empty payload";
        }

        ScheduleMessage? schedule;
        try
        {
            schedule = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.ScheduleMessage);
        }
        catch (JsonException ex)
        {
            var why = "not a schedule: " + ex.Message.Split(" Path:")[0];
            LifecycleLog.ScheduleRefused(_logger, source, why);
            return why;
        }

        var refused = schedule is null ? "the payload is JSON null" : ScheduleValidator.Check(schedule, _site, _room, out _);
        if (refused is not null)
        {
            LifecycleLog.ScheduleRefused(_logger, source, refused);
            return refused;
        }

        var accepted = schedule!;
        lock (_step)
        {
            if (_schedule is { } current && accepted.Ts <= current.Ts)
            {
                LifecycleLog.ScheduleStale(_logger, accepted.Ts, current.Ts);
                return null;
            }

            _schedule = accepted;
            try
            {
                _scheduleStore.Save(accepted);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LifecycleLog.SaveFailed(_logger, _scheduleStore.Path, ex.Message);
            }
        }

        LifecycleLog.ScheduleAccepted(_logger, accepted.Ts, accepted.Shows.Count, accepted.TimeZone, accepted.Manual.Count);
        Tick();
        return null;
    }

    public ValueTask<LifecycleResult> ConfirmAsync(string item, string by, CancellationToken cancellationToken)
    {
        var result = _runner.Confirm(string.Empty, item ?? string.Empty, by ?? string.Empty);
        Tick();
        return ValueTask.FromResult(result);
    }

    public ValueTask<LifecycleResult> RunChecklistAsync(string by, CancellationToken cancellationToken) =>
        ValueTask.FromResult(RunChecklist(by));

    private LifecycleResult RunChecklist(string by)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            return LifecycleResult.Refused("who asks is required");
        }

        LifecycleResult result;
        if (_runner.Current is not null)
        {
            result = _runner.RecheckNow(by);
        }
        else
        {
            // An on-demand run belongs to no show: the show's own run still starts at T-30.
            var run = _runner.Start(null, Schedule?.Manual ?? [], by);
            result = LifecycleResult.Done($"checklist run '{run.Id}' started");
        }

        Tick();
        return result;
    }

    public async IAsyncEnumerable<RoomStateMessage> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<RoomStateMessage>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_watchers)
        {
            _watchers.Add(channel);
        }

        try
        {
            var last = Current;
            yield return last;
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var state))
                {
                    if (!ReferenceEquals(state, last))
                    {
                        last = state;
                        yield return state;
                    }
                }
            }
        }
        finally
        {
            lock (_watchers)
            {
                _watchers.Remove(channel);
            }
        }
    }

    private void HandleCommand(string topic, ReadOnlySpan<byte> payload)
    {
        ChecklistCommand? command;
        try
        {
            command = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.ChecklistCommand);
        }
        catch (JsonException ex)
        {
            LifecycleLog.CommandRefused(_logger, topic, "not a checklist command: " + ex.Message.Split(" Path:")[0]);
            return;
        }

        if (command is null || command.V != SchemaVersion.Current || string.IsNullOrWhiteSpace(command.By))
        {
            LifecycleLog.CommandRefused(_logger, topic, "schema version must be 1 and 'by' is required");
            return;
        }

        LifecycleResult result;
        switch (command.Action)
        {
            case ChecklistCommand.Run:
                result = RunChecklist(command.By);
                break;
            case ChecklistCommand.Confirm:
                result = _runner.Confirm(command.RunId ?? string.Empty, command.Item ?? string.Empty, command.By);
                Tick();
                break;
            default:
                LifecycleLog.CommandRefused(_logger, topic, $"unknown action '{command.Action}' (allowed: run, confirm)");
                return;
        }

        if (result.Ok)
        {
            LifecycleLog.CommandDone(_logger, command.Action, command.By, result.Message);
        }
        else
        {
            LifecycleLog.CommandRefused(_logger, topic, result.Message);
        }
    }

    private void Notify(RoomStateMessage state)
    {
        lock (_watchers)
        {
            foreach (var w in _watchers)
            {
                w.Writer.TryWrite(state);
            }
        }

        _changed?.Invoke(state);
    }
}
