using System.Net;
using System.Text;
using System.Text.Json;

namespace LiveRoom.Dashboard.Tests;

/// <summary>
/// A body or parameter the API cannot read: the answer says what is wrong and where, in the reader's language, and
/// shows no stack trace or type names (the factory runs in Development, where ASP.NET Core would show its error page).
/// </summary>
public sealed class UnreadableRequestsTests : IDisposable
{
    private readonly DashboardFactory _factory = new(new Dictionary<string, string?> { ["Dashboard:Influx:Url"] = $"http://127.0.0.1:{FreePortHelper.Closed()}" });

    public UnreadableRequestsTests() => _factory.CreateUser("boss", ["admin"]);

    [Theory]
    [InlineData("POST", "/api/users/", """{"name": 5""", "application/json", 400, "The body of POST /api/users/ is not what it takes: '5' is an invalid end of a number. Expected a delimiter (at $.name).")]
    [InlineData("POST", "/api/sites/", """{"id": "x", "timeZone": 3}""", "application/json", 400, "The body of POST /api/sites/ is not what it takes: a value has the wrong type: expected a string, got a number (at $.timeZone).")]
    [InlineData("PUT", "/api/users/boss", "[1]", "application/json", 400, "The body of PUT /api/users/boss is not what it takes: a value has the wrong type (at $).")]
    [InlineData("POST", "/api/users/", "", "application/json", 400, "The body of POST /api/users/ is empty: it takes JSON.")]
    [InlineData("POST", "/api/users/", "name=x", "text/plain", 415, "POST /api/users/ takes JSON (Content-Type: application/json), got text/plain; charset=utf-8.")]
    public async Task Body_NotReadable_ProblemSaysWhatAndWhere_NoStackTraceOrTypeName(string method, string path, string body, string type, int status, string expected)
    {
        using var boss = await _factory.SignedInAsync("boss");
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, type) };

        using var response = await boss.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(("Request not read", expected), (problem.RootElement.GetProperty("title").GetString(), problem.RootElement.GetProperty("detail").GetString()));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Request\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LiveRoom.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_NotReadable_ReaderPrefersChinese_InChinese()
    {
        using var boss = await _factory.SignedInAsync("boss");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/sites/", UriKind.Relative)) { Content = new StringContent("""{"id": "x", "timeZone": 3}""", Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await boss.SendAsync(request);

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ("无法读取请求", "POST /api/sites/ 的请求体不符合要求：a value has the wrong type: expected a string, got a number (at $.timeZone)。"),
            (problem.RootElement.GetProperty("title").GetString(), problem.RootElement.GetProperty("detail").GetString()));
    }

    public void Dispose() => _factory.Dispose();
}
