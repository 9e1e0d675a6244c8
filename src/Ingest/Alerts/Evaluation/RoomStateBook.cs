using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using LiveRoom.Contracts.Payloads.Lifecycle;

namespace LiveRoom.Ingest.Alerts.Evaluation;

/// <summary>The newest retained room <c>state</c> of each room, as the edges publish it (issue 6). Thread-safe.</summary>
public sealed class RoomStateBook
{
    private readonly ConcurrentDictionary<(string Site, string Room), RoomStateMessage> _states = new();

    /// <summary>Keeps <paramref name="state"/> unless an equal-or-newer one is already held (a replayed retained message is older).</summary>
    public void Set(string site, string room, RoomStateMessage state) =>
        _states.AddOrUpdate((site, room), state, (_, old) => old.Ts > state.Ts ? old : state);

    public bool TryGet(string site, string room, [NotNullWhen(true)] out RoomStateMessage? state) =>
        _states.TryGetValue((site, room), out state);
}
