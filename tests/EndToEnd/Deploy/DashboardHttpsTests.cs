using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Runtime.Processes;
using LiveRoom.Testing;

namespace LiveRoom.EndToEnd.Deploy;

/// <summary>
/// Seed clause 4.5: the dashboard over TLS with a CA-issued certificate given as PEM files, through Kestrel's own
/// endpoint settings (README, "HTTPS"), and its cookies marked Secure there.
/// </summary>
public sealed partial class DashboardHttpsTests
{
    [Fact]
    public async Task KestrelHttpsEndpoint_PemCertificate_ServesTheDashboardAndSignsInWithSecureCookies()
    {
        using var dir = new TempDirectory("dashboard-https");
        var certificates = TestCertificates.Create(dir, "dashboard");
        var store = $"--Dashboard:Store:Path={dir.Combine("dashboard.db")}"; // the one HttpsDashboard uses
        var admin = await ProcessRunner.RunAsync(
            "dotnet",
            [RepositoryPaths.ProjectDll("Dashboard", "liveroom-dashboard"), "users", "create-admin", "--name", "chief", store],
            TimeSpan.FromSeconds(60),
            CancellationToken.None);
        Assert.True(admin.ExitCode == 0, admin.Stderr);
        var port = FreePort.Next();
        await using var dashboard = HttpsDashboard.Start(dir, certificates, port, "liveroom-dashboard (https)");
        using var client = new HttpClient(certificates.TrustingHandler()) { BaseAddress = new Uri($"https://127.0.0.1:{port}/") };

        var page = await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    using var response = await client.GetAsync("login.html");
                    return response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    return (HttpStatusCode)0;
                }
            },
            status => status != 0 || dashboard.HasExited,
            TimeSpan.FromSeconds(60),
            "the dashboard to answer over https");
        Assert.True(page == HttpStatusCode.OK, $"login.html answered {page}; {dashboard.StderrTail()}");

        using var csrf = await client.GetAsync("api/auth/csrf");
        var csrfCookie = Assert.Single(csrf.Headers.GetValues("Set-Cookie"));
        Assert.Contains("secure", csrfCookie, StringComparison.OrdinalIgnoreCase);
        var token = (await csrf.Content.ReadFromJsonAsync<CsrfResponse>())!;
        using var login = new HttpRequestMessage(HttpMethod.Post, "api/auth/login") { Content = JsonContent.Create(new LoginRequest("chief", OneTimePassword().Match(admin.Stdout).Groups[1].Value)) };
        login.Headers.Add(token.HeaderName, token.Token);
        login.Headers.Add("Cookie", csrfCookie.Split(';')[0]);
        using var signedIn = await client.SendAsync(login);
        Assert.True(signedIn.IsSuccessStatusCode, await signedIn.Content.ReadAsStringAsync());
        var cookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        // Plain HTTP on the TLS port is not served.
        using var plain = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        HttpStatusCode? plainStatus = null;
        try
        {
            using var answer = await plain.GetAsync("login.html");
            plainStatus = answer.StatusCode;
        }
        catch (HttpRequestException)
        {
            // Kestrel closes a connection that does not start with a TLS handshake.
        }

        Assert.NotEqual(HttpStatusCode.OK, plainStatus);
    }

    [GeneratedRegex(@"one-time password[^:]*: (\S+)")]
    private static partial Regex OneTimePassword();
}
