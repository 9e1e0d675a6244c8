using System.Globalization;
using System.Text;

namespace LiveRoom.Dashboard.Tests;

/// <summary>Creates a database with the collector's retention policy and writes line protocol to a real influxd.</summary>
internal static class InfluxTestData
{
    public static async Task CreateDatabaseAsync(Uri baseUri, string database)
    {
        using var http = new HttpClient { BaseAddress = baseUri };
        var q = $"CREATE DATABASE \"{database}\"; CREATE RETENTION POLICY \"liveroom\" ON \"{database}\" DURATION 90d REPLICATION 1 DEFAULT";
        using var content = new FormUrlEncodedContent([new("q", q)]);
        using var response = await http.PostAsync(new Uri("query", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode && !body.Contains("\"error\"", StringComparison.Ordinal), body);
    }

    public static async Task WriteAsync(Uri baseUri, string database, params string[] lines)
    {
        using var http = new HttpClient { BaseAddress = baseUri };
        using var content = new StringContent(string.Join('\n', lines), Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync(new Uri($"write?db={database}&rp=liveroom&precision=ms", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A new database with room-1 of sites <c>demo</c> and <c>north</c> live a second ago (for site-scoped users).</summary>
    public static async Task<string> TwoSitesAsync(Uri baseUri)
    {
        var db = "t" + Guid.NewGuid().ToString("N")[..12];
        await CreateDatabaseAsync(baseUri, db);
        var now = DateTimeOffset.UtcNow;
        await WriteAsync(
            baseUri,
            db,
            StreamPoint("demo", "room-1", 1920, 1080, 30, 4_500_000, true, now.AddSeconds(-1)),
            StreamPoint("north", "room-1", 1920, 1080, 30, 4_000_000, true, now.AddSeconds(-1)));
        return db;
    }

    /// <summary>A <c>stream</c> point of an encoder that sends nothing: <c>up=false</c> and no picture figures, as the probe reports it.</summary>
    public static string DownStreamPoint(string site, string room, DateTimeOffset at) => string.Create(
        CultureInfo.InvariantCulture,
        $"stream,room={room},site={site} up=false,uptime_s=0,seq={at.ToUnixTimeSeconds()}i {at.ToUnixTimeMilliseconds()}");

    /// <summary>A <c>stream</c> point in line protocol, as the collector writes it (numbers as floats; <c>seq</c>, here the second, as an integer).</summary>
    public static string StreamPoint(string site, string room, double width, double height, double fps, double bitrate, bool up, DateTimeOffset at) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"stream,room={room},site={site} width={width},height={height},fps={fps},bitrate_bps={bitrate},up={(up ? "true" : "false")},video_codec=\"h264\",seq={at.ToUnixTimeSeconds()}i {at.ToUnixTimeMilliseconds()}");
}
