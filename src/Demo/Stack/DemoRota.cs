using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LiveRoom.Demo.Stack;

/// <summary>
/// The demo's on-call rota, put into the collector through its admin API when it has none (a rota changed on the alerts
/// page stays across restarts of the demo): technicians at level 0, 王工 on weekdays 09:00–18:00 and 李工 every night
/// 18:00–09:00, 赵经理 on call at level 1 and 孙总 at level 2, on the site's clock. Weekend days from 09:00 to 18:00 have
/// nobody at level 0, as a first rota often has: the alerts page lists that gap, and an alert then goes to level 1.
/// </summary>
internal static partial class DemoRota
{
    public const string TimeZone = "Asia/Shanghai";

    /// <summary>How long to wait for the collector's admin API to answer.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    public static string Json(string site) => $$"""
        [
          {"site":"{{site}}","level":0,"name":"王工","mobile":"13800000001","days":["monday","tuesday","wednesday","thursday","friday"],"from":"09:00:00","to":"18:00:00","timeZone":"{{TimeZone}}"},
          {"site":"{{site}}","level":0,"name":"李工","mobile":"13800000002","from":"18:00:00","to":"09:00:00","timeZone":"{{TimeZone}}"},
          {"site":"{{site}}","level":1,"name":"赵经理","mobile":"13800000003","timeZone":"{{TimeZone}}"},
          {"site":"{{site}}","level":2,"name":"孙总","mobile":"13800000004","timeZone":"{{TimeZone}}"}
        ]
        """;

    /// <summary>Sets the rota unless the collector has one; says what it did. Throws when the collector never answers.</summary>
    public static async Task SeedAsync(Uri alerts, string adminToken, string site, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = alerts, Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var deadline = time.GetUtcNow() + Wait;
        while (true)
        {
            try
            {
                if (JsonNode.Parse(await http.GetStringAsync(new Uri("api/rota", UriKind.Relative), cancellationToken).ConfigureAwait(false)) is JsonArray { Count: > 0 } kept)
                {
                    LogKept(logger, kept.Count);
                    return;
                }

                using var put = await http.PutAsync(new Uri("api/rota", UriKind.Relative), new StringContent(Json(site), Encoding.UTF8, "application/json"), cancellationToken).ConfigureAwait(false);
                if (put.IsSuccessStatusCode)
                {
                    LogSet(logger, site);
                }
                else
                {
                    LogRefused(logger, (int)put.StatusCode, await put.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                }

                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested && time.GetUtcNow() < deadline)
            {
                // The collector is still starting its alert listener.
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "On-call rota of site {Site} set: level 0 王工 (weekdays 09:00–18:00) and 李工 (nightly 18:00–09:00), level 1 赵经理, level 2 孙总; change it on the alerts page")]
    private static partial void LogSet(ILogger logger, string site);

    [LoggerMessage(Level = LogLevel.Information, Message = "On-call rota kept as it is ({Entries} entries)")]
    private static partial void LogKept(ILogger logger, int entries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The collector refused the demo's rota ({Status}): {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);
}
