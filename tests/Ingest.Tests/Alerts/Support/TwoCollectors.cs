using LiveRoom.Ingest.Alerts;
using LiveRoom.Testing;

namespace LiveRoom.Ingest.Tests.Alerts.Support;

/// <summary>The alerting of two collectors (an active one, a, and a standby, b), each with its own store; not started.</summary>
internal sealed class TwoCollectors : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("two-collectors");
    private readonly HttpClient _http = new();

    public TwoCollectors(TimeProvider? activeTime = null, TimeProvider? standbyTime = null)
    {
        Active = new AlertService(new AlertOptions(), _dir.Combine("a"), _http, time: activeTime);
        Standby = new AlertService(new AlertOptions(), _dir.Combine("b"), _http, time: standbyTime);
    }

    public AlertService Active { get; }

    public AlertService Standby { get; }

    /// <summary>The standby's store file.</summary>
    public string StandbyStore => Path.Combine(_dir.Combine("b"), AlertDefaults.StoreFile);

    public async ValueTask DisposeAsync()
    {
        await Active.DisposeAsync();
        await Standby.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }
}
