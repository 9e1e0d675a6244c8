using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Lifecycle;

namespace LiveRoom.Probe.Tests.Display;

/// <summary>An <see cref="IRoomLifecycle"/> the test drives: publish a state, see what the door asked for.</summary>
internal sealed class FakeRoomLifecycle : IRoomLifecycle
{
    private readonly object _gate = new();
    private readonly List<Channel<RoomStateMessage>> _watchers = [];
    private RoomStateMessage _current;
    private IReadOnlyList<ManualItemStatus> _manual = [];

    public FakeRoomLifecycle(RoomStateMessage initial) => _current = initial;

    public RoomStateMessage Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public IReadOnlyList<ManualItemStatus> ManualItems
    {
        get
        {
            lock (_gate)
            {
                return _manual;
            }
        }
    }

    public List<(string Item, string By)> Confirmations { get; } = [];

    public List<string> Runs { get; } = [];

    /// <summary>When set, RunChecklistAsync refuses with this message.</summary>
    public string? RefuseRunsWith { get; set; }

    public int Watchers
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    public void SetManualItems(params ManualItemStatus[] items)
    {
        lock (_gate)
        {
            _manual = items;
        }
    }

    public void Publish(RoomStateMessage state)
    {
        lock (_gate)
        {
            _current = state;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(state);
            }
        }
    }

    public async IAsyncEnumerable<RoomStateMessage> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<RoomStateMessage>();
        lock (_gate)
        {
            channel.Writer.TryWrite(_current);
            _watchers.Add(channel);
        }

        try
        {
            await foreach (var state in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return state;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    public ValueTask<LifecycleResult> ConfirmAsync(string item, string by, CancellationToken cancellationToken)
    {
        RoomStateMessage state;
        lock (_gate)
        {
            var index = _manual.ToList().FindIndex(i => i.Id == item);
            if (index < 0)
            {
                return ValueTask.FromResult(LifecycleResult.Refused($"no manual item '{item}' in the current run"));
            }

            if (_manual[index].Confirmed)
            {
                return ValueTask.FromResult(LifecycleResult.Refused($"'{item}' was already confirmed by {_manual[index].By}"));
            }

            Confirmations.Add((item, by));
            var items = _manual.ToArray();
            items[index] = items[index] with { Confirmed = true, By = by, At = _current.Ts };
            _manual = items;
            state = _current with { Ts = _current.Ts + 1 };
        }

        Publish(state);
        return ValueTask.FromResult(LifecycleResult.Done($"'{item}' confirmed by {by}"));
    }

    public ValueTask<LifecycleResult> RunChecklistAsync(string by, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (RefuseRunsWith is { } refusal)
            {
                return ValueTask.FromResult(LifecycleResult.Refused(refusal));
            }

            Runs.Add(by);
        }

        return ValueTask.FromResult(LifecycleResult.Done("checklist run started"));
    }
}
