using System.Net.Http.Json;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Dashboard.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveRoom.Dashboard.Tests;

/// <summary>Users and signed-in clients for tests, through the real sign-in API (on a <see cref="DashboardFactory"/> or a <c>WithWebHostBuilder</c> copy of one).</summary>
internal static class TestSessions
{
    public const string Password = "correct horse battery";

    /// <summary>Creates a user with a known password (no password change pending).</summary>
    public static void CreateUser(this WebApplicationFactory<Program> factory, string name, string[] roles, string[]? sites = null, bool mustChange = false)
    {
        var users = factory.Services.GetRequiredService<UserStore>();
        Assert.True(users.TryCreate(name, roles, sites ?? [], Passwords.Hash(Password), mustChange, DateTimeOffset.UtcNow));
    }

    /// <summary>A client holding the session of <paramref name="name"/> and a matching anti-forgery token.</summary>
    public static async Task<HttpClient> SignedInAsync(this WebApplicationFactory<Program> factory, string name, string password = Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.RefreshCsrfAsync();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(name, password));
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await client.RefreshCsrfAsync();
        return client;
    }

    /// <summary>Fetches an anti-forgery token for the client's current identity and sends it on every request.</summary>
    public static async Task RefreshCsrfAsync(this HttpClient client)
    {
        var csrf = await client.GetFromJsonAsync<CsrfResponse>("/api/auth/csrf");
        client.DefaultRequestHeaders.Remove(csrf!.HeaderName);
        client.DefaultRequestHeaders.Add(csrf.HeaderName, csrf.Token);
    }
}
