using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Probe.Lifecycle;
using LiveRoom.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveRoom.Probe.Display;

/// <summary>
/// The room's door display served by the edge itself (issue 6 item 4a), so it works when the central side is down:
/// a full-screen kiosk page at <c>/</c>, the state as server-sent events at <c>/events</c>, the state as JSON at
/// <c>/api/state</c>, and the technician's two actions (<c>POST /api/confirm</c>, <c>POST /api/checklist/run</c>).
/// A minimal Kestrel host of its own; the probe stays a generic-host worker.
/// </summary>
public sealed partial class DoorDisplayServer : IAsyncDisposable
{
    private readonly IRoomLifecycle _lifecycle;
    private readonly DoorDisplayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private ZoneCache _zone = new("UTC", TimeZoneInfo.Utc);
    private int _streams;
    private bool _disposed;

    public DoorDisplayServer(IRoomLifecycle lifecycle, DoorDisplayOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        _lifecycle = lifecycle;
        _options = options;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<DoorDisplayServer>();
    }

    /// <summary>The address actually bound (with the real port when the configured one is 0); null before start or when off.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Starts listening on <see cref="DoorDisplayOptions.Url"/>; does nothing when it is empty.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_app is not null)
        {
            throw new InvalidOperationException("the door display server is already started");
        }

        var failures = _options.Validate();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("invalid door display options: " + string.Join("; ", failures));
        }

        if (!_options.Enabled)
        {
            DoorDisplayLog.Disabled(_logger);
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DoorDisplayServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = DisplayDefaults.MaxRequestBytes;
        });
        builder.Services.AddSingleton(_loggers);
        builder.Services.AddLogging();
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Urls.Add(_options.Url.Trim());
        MapEndpoints(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Port taken, address not on this machine, cancelled: nothing may stay half-started.
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(bound);
        if (Address is not null)
        {
            DoorDisplayLog.Listening(_logger, Address);
        }
    }

    /// <summary>Ends the event streams and stops listening.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        DoorDisplayLog.Stopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await StopAsync(timeout.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    /// <summary>The state with its door message and manual items, as the page and <c>/api/state</c> see it.</summary>
    internal DoorSnapshot Snapshot(RoomStateMessage state)
    {
        var now = _time.GetUtcNow();
        return new DoorSnapshot
        {
            State = state,
            Display = DisplayComposer.Compose(state, ZoneOf(state.TimeZone), now),
            Manual = _lifecycle.ManualItems,
            Now = now.ToUnixTimeMilliseconds(),
        };
    }

    private TimeZoneInfo ZoneOf(string id)
    {
        var cached = _zone;
        if (string.Equals(cached.Id, id, StringComparison.Ordinal))
        {
            return cached.Zone;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            DoorDisplayLog.UnknownZone(_logger, id);
            zone = TimeZoneInfo.Utc;
        }

        _zone = new ZoneCache(id, zone);
        return zone;
    }

    private sealed record ZoneCache(string Id, TimeZoneInfo Zone);
}
