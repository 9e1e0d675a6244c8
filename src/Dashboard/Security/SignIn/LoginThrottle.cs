using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Security.SignIn;

/// <summary>
/// Failed sign-ins per client address: after <see cref="SecurityOptions.MaxFailuresPerIp"/> within the window the
/// address is refused for <see cref="SecurityOptions.LockoutDuration"/>. In memory: it protects this process;
/// the per-user lock (in the store) is what survives a restart.
/// </summary>
internal sealed class LoginThrottle(IOptions<DashboardOptions> options, TimeProvider time)
{
    private const int MaxTracked = 10_000;
    private readonly SecurityOptions _security = options.Value.Security;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool IsBlocked(string? ip)
    {
        var now = time.GetUtcNow();
        lock (_entries)
        {
            return _entries.TryGetValue(Key(ip), out var e) && e.BlockedUntil > now;
        }
    }

    /// <summary>Counts a failure; true when this one blocks the address.</summary>
    public bool RecordFailure(string? ip)
    {
        var now = time.GetUtcNow();
        lock (_entries)
        {
            if (_entries.Count >= MaxTracked)
            {
                Prune(now);
            }

            var key = Key(ip);
            var e = _entries.TryGetValue(key, out var found) && now - found.FirstAt <= _security.FailureWindow
                ? found with { Count = found.Count + 1 }
                : new Entry(1, now, found?.BlockedUntil ?? DateTimeOffset.MinValue);
            var blocks = e.Count >= _security.MaxFailuresPerIp;
            _entries[key] = blocks ? new Entry(0, now, now + _security.LockoutDuration) : e;
            return blocks;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries.ToList())
        {
            if (e.BlockedUntil <= now && now - e.FirstAt > _security.FailureWindow)
            {
                _entries.Remove(key);
            }
        }
    }

    private static string Key(string? ip) => ip ?? "unknown";

    private sealed record Entry(int Count, DateTimeOffset FirstAt, DateTimeOffset BlockedUntil);
}
