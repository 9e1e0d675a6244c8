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
        ["GET /api/rooms/{site}/{room}/series"] = (AnyRole, "/api/rooms/demo/room-1/series?from=1795330000000&to=1795333600000"),
        ["GET /api/reports/compliance"] = (Managers, "/api/reports/compliance?from=1795330000000&to=1795333600000"),
        ["GET /api/users/"] = (AdminOnly, "/api/users/"),
        ["POST /api/users/"] = (AdminOnly, "/api/users/"),
        ["DELETE /api/users/{name}"] = (AdminOnly, "/api/users/nobody"),
        ["GET /api/audit"] = (AdminOnly, "/api/audit"),
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
