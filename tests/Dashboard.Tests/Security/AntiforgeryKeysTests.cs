using System.Net;
using System.Net.Http.Json;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LiveRoom.Dashboard.Tests.Security;

/// <summary>
/// The anti-forgery keys are kept beside the store: a page opened before a dashboard restart can still change things
/// after it, and the keys are the service's alone.
/// </summary>
public sealed class AntiforgeryKeysTests : IDisposable
{
    private readonly TempDirectory _state = new("dashboard-keys");

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Restart_TokenAndCookiesFromBefore_StillAccepted_KeysBesideTheStoreOwnerOnly()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}",
            ["Dashboard:Store:Path"] = _state.Combine("dashboard.db"),
        };
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        string token;
        using (var before = new DashboardFactory(settings))
        {
            before.CreateUser("tech", ["technician"]);
            using var client = before.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            token = await CsrfAsync(client, cookies);
            using (var login = await SendAsync(client, "/api/auth/login", new LoginRequest("tech", TestSessions.Password), token, cookies))
            {
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            }

            // The token is bound to the signed-in user: the page fetches a new one after signing in.
            token = await CsrfAsync(client, cookies);
        }

        var keys = new DirectoryInfo(_state.Combine("keys"));
        Assert.NotEmpty(keys.GetFiles("key-*.xml"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, keys.UnixFileMode);

        using var after = new DashboardFactory(settings);
        using var again = after.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var password = await SendAsync(again, "/api/auth/password", new { currentPassword = "wrong", newPassword = "another long password" }, token, cookies);

        // Past the anti-forgery check (400 "Anti-forgery token missing or invalid" otherwise) to the handler's own answer.
        var body = await password.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Anti-forgery", body, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Unauthorized, password.StatusCode);
    }

    private static async Task<string> CsrfAsync(HttpClient client, Dictionary<string, string> cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/csrf");
        AddCookies(request, cookies);
        using var response = await client.SendAsync(request);
        Remember(response, cookies);
        return (await response.Content.ReadFromJsonAsync<CsrfResponse>())!.Token;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body, string token, Dictionary<string, string> cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        AddCookies(request, cookies);
        var response = await client.SendAsync(request);
        Remember(response, cookies);
        return response;
    }

    private static void AddCookies(HttpRequestMessage request, Dictionary<string, string> cookies)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
        }
    }

    private static void Remember(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var cookie in set)
            {
                var pair = cookie.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }
        }
    }
}
