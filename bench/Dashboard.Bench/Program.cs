// make bench-dashboard: the room page's data API over 90 days of one room at 1 point/s (7.8 M points), seeded into a
// real influxd, downsampled through the 1-minute rollup; a 1-hour query in the same run is the baseline.
// The LAST line is `dashboard_90d_ms X` (median of the warm runs).
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using LiveRoom.Dashboard;
using LiveRoom.Dashboard.Bench;
using LiveRoom.Dashboard.Security.SignIn;
using LiveRoom.Dashboard.Series;
using LiveRoom.Dashboard.Users;
using LiveRoom.Runtime.Processes;
using LiveRoom.Runtime.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

const int Runs = 7;
var days = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 90;
var dir = Directory.CreateTempSubdirectory("liveroom-bench-dashboard-");
try
{
    await using var influx = await InfluxServer.StartAsync(new InfluxServerOptions { DataDirectory = Path.Combine(dir.FullName, "influx") }, CancellationToken.None);
    using (var http = new HttpClient { BaseAddress = influx.BaseUri })
    {
        using var create = new FormUrlEncodedContent([new("q", "CREATE DATABASE liveroom; CREATE RETENTION POLICY liveroom ON liveroom DURATION 400d REPLICATION 1 SHARD DURATION 7d DEFAULT")]);
        (await http.PostAsync(new Uri("query", UriKind.Relative), create)).EnsureSuccessStatusCode();
    }

    var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);
    var from = now.AddDays(-days);
    var clock = Stopwatch.StartNew();
    var points = await Seeder.SeedAsync(influx.BaseUri, "liveroom", "liveroom", from, now, CancellationToken.None);
    var seedSeconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {points:N0} points ({days} days at 1/s, 3 fields and seq) in {seedSeconds:0.0} s ({points / seedSeconds:N0} points/s)"));

    var port = FreePort.Next();
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args =
        [
            string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{port}"),
            $"--Dashboard:Influx:Url={influx.BaseUri.ToString().TrimEnd('/')}",
            $"--Dashboard:Store:Path={Path.Combine(dir.FullName, "dashboard.db")}",
            "--Dashboard:Influx:Rollup=false",
            "--Dashboard:Influx:QueryTimeout=00:02:00",
            "--Logging:LogLevel:Default=Warning",
        ],
    });
    builder.AddDashboard();
    await using var app = builder.Build();
    app.MapDashboard();
    await app.StartAsync();

    clock.Restart();
    var rollup = app.Services.GetServices<IHostedService>().OfType<RollupMaintainer>().Single();
    await rollup.EnsureAsync(CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rollup created and backfilled (1-minute mean/min/max/count, {days} days) in {clock.Elapsed.TotalSeconds:0.0} s"));

    // The hourly check for points stored late (nothing is late here: what each hour costs a room), beside what
    // recomputing the same 26 h would cost instead.
    clock.Restart();
    var late = await rollup.RollLateAsync(CancellationToken.None);
    var check = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    await rollup.BackfillAsync(now - RollupMaintainer.LateDepth, now, CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"late-points check over {RollupMaintainer.LateDepth.TotalHours} h: {check:0} ms ({late} room-hours to roll up again); recomputing those {RollupMaintainer.LateDepth.TotalHours} h instead: {clock.Elapsed.TotalMilliseconds:0} ms"));
    clock.Restart();
    late = await rollup.RollLateAsync(CancellationToken.None, RollupMaintainer.LateDeepDepth);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"daily late-points check over {RollupMaintainer.LateDeepDepth.TotalDays} days: {clock.Elapsed.TotalMilliseconds:0} ms ({late} room-hours to roll up again)"));

    app.Services.GetRequiredService<UserStore>().TryCreate("bench", ["manager"], [], Passwords.Hash("bench password 1"), false, DateTimeOffset.UtcNow);
    using var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")), Timeout = TimeSpan.FromMinutes(3) };
    var csrf = await client.GetFromJsonAsync<CsrfResponse>("api/auth/csrf");
    client.DefaultRequestHeaders.Add(csrf!.HeaderName, csrf.Token);
    (await client.PostAsJsonAsync("api/auth/login", new LoginRequest("bench", "bench password 1"))).EnsureSuccessStatusCode();

    var baseline = await TimeAsync(client, now.AddHours(-1), now, "1 hour (raw, baseline)");
    var ninety = await TimeAsync(client, from, now, $"{days} days (rollup)");

    // For the record: the same 90 days straight from the raw points, without the rollup (one run; what the rollup saves).
    clock.Restart();
    using (var http = new HttpClient { BaseAddress = influx.BaseUri, Timeout = TimeSpan.FromMinutes(5) })
    {
        var q = string.Create(CultureInfo.InvariantCulture, $"SELECT mean(fps), min(fps), mean(bitrate_bps), mean(video_bitrate_bps) FROM liveroom.liveroom.stream WHERE site='demo' AND room='room-1' AND time >= {from.ToUnixTimeSeconds()}s AND time < {now.ToUnixTimeSeconds()}s GROUP BY time(3h) fill(none)");
        (await http.GetAsync(new Uri("query?db=liveroom&q=" + Uri.EscapeDataString(q), UriKind.Relative))).EnsureSuccessStatusCode();
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw InfluxQL over {days} days without the rollup (stream panels only, one run): {clock.Elapsed.TotalMilliseconds:0} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard_1h_ms {baseline:0}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard_90d_ms {ninety:0}"));
    await app.StopAsync();
    return 0;
}
finally
{
    dir.Delete(recursive: true);
}

static async Task<double> TimeAsync(HttpClient client, DateTimeOffset from, DateTimeOffset to, string label)
{
    var uri = string.Create(CultureInfo.InvariantCulture, $"api/rooms/demo/room-1/series?from={from.ToUnixTimeMilliseconds()}&to={to.ToUnixTimeMilliseconds()}&width=1000");
    var times = new List<double>();
    RoomSeriesResponse? body = null;
    for (var i = 0; i < Runs; i++)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(uri, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        body = await response.Content.ReadFromJsonAsync<RoomSeriesResponse>();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    var fps = body!.Panels.Single(p => p.Id == "fps");
    var median = times.Skip(1).Order().ElementAt((Runs - 1) / 2);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{label}: first {times[0]:0} ms, median of {Runs - 1} warm runs {median:0} ms; {body.IntervalSeconds} s buckets from {body.Source}, {fps.Times.Count} points per line, mean fps {fps.Series[0].Values.Average(v => v ?? 0):0.00}, bitrate {body.Panels.Single(p => p.Id == "bitrate").Series[0].Values.Average(v => v ?? 0) / 1e6:0.00} Mbit/s"));
    return median;
}
