using System.Text.Json;
using LiveRoom.Dashboard.Options;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Alerting;

/// <summary>
/// One alert the collector's engine holds open (pending, firing or acknowledged), as its <c>GET /api/alerts</c> answers
/// it: enums as camelCase words (<c>critical</c>, <c>firing</c>, <c>below</c>).
/// </summary>
public sealed record OpenAlert(
    string Id,
    string RuleId,
    string Title,
    string Severity,
    string Site,
    string Room,
    string State,
    double? Value,
    string Operator,
    double Threshold,
    DateTimeOffset Since,
    DateTimeOffset? FiredAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    int EscalationLevel,
    string? Show);

/// <summary>The open alerts as last read, or why they could not be (<paramref name="Problem"/>; null items then).</summary>
/// <param name="Items">Open alerts, oldest first; null while unknown.</param>
/// <param name="Problem">Why the last reading failed, with the collector's or the dashboard's words; null when it worked or alerts are not configured.</param>
/// <param name="ReadAt">When the last successful reading was made.</param>
public sealed record OpenAlertsView(IReadOnlyList<OpenAlert>? Items, string? Problem, DateTimeOffset? ReadAt);

/// <summary>
/// Keeps the collector's open alerts for the room wall and the room pages: asks the active collector
/// (<see cref="DashboardOptions.AlertsUrl"/>, with the admin token) every <see cref="Interval"/>, and at once after a
/// person acknowledges or resolves one here. Without the alert settings it asks nothing and shows nothing.
/// </summary>
internal sealed partial class OpenAlertsWatch(
    IHttpClientFactory clients, IOptions<DashboardOptions> options, TimeProvider time, ILogger<OpenAlertsWatch> logger)
    : BackgroundService
{
    /// <summary>How often the collector is asked.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private string? _loggedProblem;

    public OpenAlertsView Current { get; private set; } = new(null, null, null);

    /// <summary>Reads the collector's open alerts now (one reading at a time) and keeps them as <see cref="Current"/>.</summary>
    public async Task<OpenAlertsView> RefreshAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            var collector = new CollectorAdminClient(clients.CreateClient(nameof(CollectorAdminClient)), options);
            if (collector.NotConfigured is not null)
            {
                return Current = new OpenAlertsView(null, null, null);
            }

            var (items, problem) = await ReadAsync(collector, cancellationToken);
            // A failure is logged when it starts or its reason changes, and the recovery once.
            if (problem is not null && problem != _loggedProblem)
            {
                LogFailed(logger, problem);
            }
            else if (problem is null && _loggedProblem is not null)
            {
                LogRecovered(logger);
            }

            _loggedProblem = problem;
            return Current = items is null ? Current with { Problem = problem } : new OpenAlertsView(items, null, time.GetUtcNow());
        }
        finally
        {
            _reading.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    // Whatever goes wrong with one reading is its problem, not the watch's end (a background service that throws stops
    // the dashboard) nor a person's failed click: the pages keep the last known alerts and say why.
    private static async Task<(IReadOnlyList<OpenAlert>? Items, string? Problem)> ReadAsync(CollectorAdminClient collector, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await collector.SendAsync(HttpMethod.Get, "api/alerts", null, cancellationToken);
            return answer switch
            {
                { Answered: false } => (null, answer.Problem),
                { Status: not StatusCodes.Status200OK } => (null, $"the collector answered {answer.Status} for its open alerts"),
                _ => Parse(answer.Body),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, $"reading the collector's open alerts failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    internal static (IReadOnlyList<OpenAlert>? Items, string? Problem) Parse(string body)
    {
        try
        {
            var items = JsonSerializer.Deserialize(body, DashboardJsonContext.Default.ListOpenAlert);
            return items is null
                ? (null, "the collector's open alerts were empty (null)")
                : (items.OrderBy(a => a.Since).ToList(), null);
        }
        catch (JsonException ex)
        {
            return (null, "the collector's open alerts could not be read: " + ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the collector's open alerts ({Reason}); the wall and room pages show the last known ones and say so")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading the collector's open alerts again")]
    private static partial void LogRecovered(ILogger logger);
}
