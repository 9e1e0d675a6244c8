using System.Web;

namespace LiveRoom.Dashboard.Tests.Rooms;

/// <summary>
/// The dashboard's requests to InfluxDB as they leave its HTTP client: counts the room wall's queries (one per refresh)
/// and can hold them, to catch a refresh in flight.
/// </summary>
internal sealed class InfluxTraffic
{
    private readonly TaskCompletionSource _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _gate;
    private int _wallQueries;
    private int _cancelled;

    /// <summary>The statement that marks one wall refresh (<c>LiveRoomsQuery.BuildNewestQuery</c>); nothing is counted before it is set.</summary>
    public string? WallQuery { get; set; }

    /// <summary>Wall queries sent to InfluxDB (or tried, while it is unreachable).</summary>
    public int WallQueries => Volatile.Read(ref _wallQueries);

    /// <summary>Wall queries whose caller cancelled them before InfluxDB answered.</summary>
    public int CancelledWallQueries => Volatile.Read(ref _cancelled);

    /// <summary>Completes when a held wall query has reached InfluxDB's doorstep.</summary>
    public Task FirstHeld => _firstHeld.Task;

    /// <summary>Wall queries wait from now on until <see cref="Release"/>.</summary>
    public void Hold() => Volatile.Write(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Volatile.Read(ref _gate)?.TrySetResult();

    /// <summary>A handler for the InfluxDB client's pipeline (a new one each time the factory builds the pipeline).</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    private bool IsWallQuery(HttpRequestMessage request) =>
        WallQuery is { } wall && request.RequestUri is { } uri && HttpUtility.ParseQueryString(uri.Query)["q"] == wall;

    private sealed class Handler(InfluxTraffic traffic) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!traffic.IsWallQuery(request))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            Interlocked.Increment(ref traffic._wallQueries);
            try
            {
                if (Volatile.Read(ref traffic._gate) is { } gate)
                {
                    traffic._firstHeld.TrySetResult();
                    await gate.Task.WaitAsync(cancellationToken);
                }

                return await base.SendAsync(request, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref traffic._cancelled);
                throw;
            }
        }
    }
}
