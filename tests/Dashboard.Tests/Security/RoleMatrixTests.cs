using System.Net;
using System.Text;
using LiveRoom.Dashboard.Security.Audit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests.Security;

/// <summary>
/// Issue 8 item 5, "a role matrix test": every endpoint of the app (enumerated from its EndpointDataSource, so a new
/// endpoint without a rule here fails) × anonymous, every role, and a user whose one-time password is not yet changed.
/// </summary>
public sealed class RoleMatrixTests : IDisposable
{
    private const string Anonymous = "anonymous";
    private const string Pending = "pending-password-change";

    private static readonly string[] Everyone = [Anonymous, Pending, "technician", "on-call", "manager", "admin"];
    private static readonly string[] SignedIn = [Pending, "technician", "on-call", "manager", "admin"];
    private static readonly string[] AnyRole = ["technician", "on-call", "manager", "admin"];
    private static readonly string[] AdminOnly = ["admin"];
    private static readonly string[] Managers = ["manager", "admin"];
    private static readonly string[] Schedulers = ["technician", "manager", "admin"];
    private static readonly string[] Operators = ["technician", "admin"];
    private static readonly string[] Silencers = ["on-call", "admin"];
    private static readonly string[] Acknowledgers = ["technician", "on-call", "admin"];

    /// <summary>Who may call what: "METHOD pattern" → principals admitted; the request path used to call it.</summary>
    private static readonly Dictionary<string, (string[] Allowed, string Path)> Rules = new(StringComparer.Ordinal)
    {
        ["GET /healthz"] = (Everyone, "/healthz"),
        ["GET /openapi/{documentName}.json"] = (Everyone, "/openapi/v1.json"),
        ["GET /api/auth/me"] = (Everyone, "/api/auth/me"),
        ["GET /api/auth/csrf"] = (Everyone, "/api/auth/csrf"),
        ["POST /api/auth/login"] = (Everyone, "/api/auth/login"),
        ["POST /api/auth/logout"] = (SignedIn, "/api/auth/logout"),
        ["POST /api/auth/password"] = (SignedIn, "/api/auth/password"),
        ["GET /api/rooms/live"] = (AnyRole, "/api/rooms/live"),
        ["GET /api/rooms/live/events"] = (AnyRole, "/api/rooms/live/events"),
        ["GET /api/collector"] = (AnyRole, "/api/collector"),
        ["GET /api/rooms/{site}/{room}/series"] = (AnyRole, "/api/rooms/demo/room-1/series?from=1795330000000&to=1795333600000"),
        ["GET /api/reports/compliance"] = (Managers, "/api/reports/compliance?from=1795330000000&to=1795333600000"),
        ["GET /api/reports/shows"] = (Managers, "/api/reports/shows?from=1795330000000&to=1795333600000"),
        ["GET /api/reports/shows/{site}/{id}"] = (Managers, "/api/reports/shows/demo/no-such-show"),
        ["GET /api/users/"] = (AdminOnly, "/api/users/"),
        ["POST /api/users/"] = (AdminOnly, "/api/users/"),
        ["DELETE /api/users/{name}"] = (AdminOnly, "/api/users/nobody"),
        ["PUT /api/users/{name}"] = (AdminOnly, "/api/users/nobody"),
        ["POST /api/users/{name}/password"] = (AdminOnly, "/api/users/nobody/password"),
        ["GET /api/audit"] = (AdminOnly, "/api/audit"),
        ["GET /api/sites/"] = (AnyRole, "/api/sites/"),
        ["POST /api/sites/"] = (Managers, "/api/sites/"),
        ["GET /api/sites/{site}"] = (AnyRole, "/api/sites/demo"),
        ["PUT /api/sites/{site}"] = (Managers, "/api/sites/demo"),
        ["DELETE /api/sites/{site}"] = (Managers, "/api/sites/demo"),
        ["GET /api/sites/{site}/rooms"] = (AnyRole, "/api/sites/demo/rooms"),
        ["POST /api/sites/{site}/rooms"] = (Managers, "/api/sites/demo/rooms"),
        ["PUT /api/sites/{site}/rooms/{room}"] = (Managers, "/api/sites/demo/rooms/room-1"),
        ["DELETE /api/sites/{site}/rooms/{room}"] = (Managers, "/api/sites/demo/rooms/room-1"),
        ["GET /api/sites/{site}/manual-items"] = (AnyRole, "/api/sites/demo/manual-items"),
        ["POST /api/sites/{site}/manual-items"] = (Managers, "/api/sites/demo/manual-items"),
        ["PUT /api/sites/{site}/manual-items/{item}"] = (Managers, "/api/sites/demo/manual-items/mic"),
        ["DELETE /api/sites/{site}/manual-items/{item}"] = (Managers, "/api/sites/demo/manual-items/mic"),
        ["GET /api/sites/{site}/shows"] = (AnyRole, "/api/sites/demo/shows"),
        ["GET /api/sites/{site}/shows/{id}"] = (AnyRole, "/api/sites/demo/shows/show-1"),
        ["POST /api/sites/{site}/shows"] = (Schedulers, "/api/sites/demo/shows"),
        ["PUT /api/sites/{site}/shows/{id}"] = (Schedulers, "/api/sites/demo/shows/show-1"),
        ["DELETE /api/sites/{site}/shows/{id}"] = (Schedulers, "/api/sites/demo/shows/show-1"),
        ["POST /api/sites/{site}/shows/import"] = (Schedulers, "/api/sites/demo/shows/import"),
        ["GET /api/rooms/{site}/{room}/state"] = (AnyRole, "/api/rooms/demo/room-1/state"),
        ["POST /api/rooms/{site}/{room}/checklist/run"] = (Operators, "/api/rooms/demo/room-1/checklist/run"),
        ["POST /api/rooms/{site}/{room}/checklist/confirm"] = (Operators, "/api/rooms/demo/room-1/checklist/confirm"),
        ["GET /api/rooms/{site}/{room}/checklists"] = (AnyRole, "/api/rooms/demo/room-1/checklists?from=1795330000000&to=1795333600000"),
        ["GET /api/rooms/{site}/{room}/checklists.csv"] = (AnyRole, "/api/rooms/demo/room-1/checklists.csv?from=1795330000000&to=1795333600000"),
        ["GET /api/rooms/{site}/{room}/thumbnails/"] = (AnyRole, "/api/rooms/demo/room-1/thumbnails/"),
        ["GET /api/rooms/{site}/{room}/thumbnails/latest"] = (AnyRole, "/api/rooms/demo/room-1/thumbnails/latest"),
        ["GET /api/rooms/{site}/{room}/thumbnails/{name}"] = (AnyRole, "/api/rooms/demo/room-1/thumbnails/1795330000000-interval.jpg"),
        ["GET /api/rooms/{site}/{room}/reference/"] = (AnyRole, "/api/rooms/demo/room-1/reference/"),
        ["POST /api/rooms/{site}/{room}/reference/capture"] = (Operators, "/api/rooms/demo/room-1/reference/capture"),
        ["PUT /api/rooms/{site}/{room}/reference/"] = (Operators, "/api/rooms/demo/room-1/reference/"),
        ["GET /api/alerting/rules"] = (AnyRole, "/api/alerting/rules"),
        ["PUT /api/alerting/rules/{id}"] = (AdminOnly, "/api/alerting/rules/fps_low"),
        ["DELETE /api/alerting/rules/{id}"] = (AdminOnly, "/api/alerting/rules/fps_low"),
        ["GET /api/alerting/rota"] = (AnyRole, "/api/alerting/rota"),
        ["GET /api/alerting/on-duty"] = (AnyRole, "/api/alerting/on-duty"),
        ["GET /api/alerting/gaps"] = (AnyRole, "/api/alerting/gaps"),
        ["PUT /api/alerting/rota"] = (AdminOnly, "/api/alerting/rota"),
        ["GET /api/alerting/silences"] = (AnyRole, "/api/alerting/silences"),
        ["POST /api/alerting/silences"] = (Silencers, "/api/alerting/silences"),
        ["POST /api/alerting/test-notice"] = (Silencers, "/api/alerting/test-notice"),
        ["GET /api/alerting/channels"] = (AnyRole, "/api/alerting/channels"),
        ["GET /api/alerts/open"] = (AnyRole, "/api/alerts/open"),
        ["POST /api/alerts/{id}/ack"] = (Acknowledgers, "/api/alerts/a1/ack"),
        ["POST /api/alerts/{id}/resolve"] = (Acknowledgers, "/api/alerts/a1/resolve"),
    };

    private readonly DashboardFactory _factory = new(new Dictionary<string, string?>
    {
        // Nothing listens there: data endpoints answer 503 or panels with errors, which is "admitted" all the same.
        ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}",
    });

    [Fact]
    public void Endpoints_Enumerated_EachHasARule()
    {
        var endpoints = Endpoints();

        var missing = endpoints.Where(e => !Rules.ContainsKey(e)).ToList();
        Assert.True(missing.Count == 0, "endpoints without a role rule: " + string.Join(", ", missing));
        Assert.Equal(Rules.Keys.Order(StringComparer.Ordinal), endpoints.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_AdmittedOrDeniedAsRuled()
    {
        foreach (var role in AnyRole)
        {
            _factory.CreateUser(role, [role]);
        }

        _factory.CreateUser(Pending, ["admin"], mustChange: true);
        var failures = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var (allowed, path) = Rules[endpoint];
            var method = new HttpMethod(endpoint.Split(' ')[0]);
            foreach (var principal in Everyone)
            {
                using var client = principal == Anonymous ? await AnonymousAsync() : await _factory.SignedInAsync(principal);
                using var request = new HttpRequestMessage(method, path);
                if (method != HttpMethod.Get)
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = response.StatusCode;
                var admitted = allowed.Contains(principal);
                var expectedDenial = principal == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                if (admitted ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : status != expectedDenial)
                {
                    failures.Add($"{endpoint} as {principal}: {(int)status}, expected {(admitted ? "admitted" : ((int)expectedDenial).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var denied = _factory.Services.GetRequiredService<AuditLog>().Read(10_000, AuditActions.Denied);
        Assert.Contains(denied, e => e.Actor is null && e.Target == "GET /api/users/");
        Assert.Contains(denied, e => e.Actor == "technician" && e.Target == "GET /api/audit");
    }

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> AnonymousAsync()
    {
        var client = _factory.CreateClient();
        await client.RefreshCsrfAsync();
        return client;
    }

    private List<string> Endpoints()
    {
        var sources = _factory.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct()
            .ToList();
    }
}
