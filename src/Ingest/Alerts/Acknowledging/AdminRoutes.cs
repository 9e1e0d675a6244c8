using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Text;
using LiveRoom.Contracts.Validation;
using LiveRoom.Ingest.Alerts.Lifecycle;
using LiveRoom.Ingest.Alerts.Rota;
using LiveRoom.Ingest.Alerts.Rules;
using LiveRoom.Ingest.Alerts.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiveRoom.Ingest.Alerts.Acknowledging;

/// <summary>
/// The admin API (for the dashboard, which checks the admin role and calls with <c>Authorization: Bearer {AdminToken}</c>):
/// <c>GET/PUT/DELETE /api/rules[/{id}]</c>, <c>GET/POST /api/silences</c>, <c>GET/PUT /api/rota</c>, <c>GET /api/rota/on-duty?site=…</c> (who a notice would go
/// to now, per level of each site asked), <c>GET /api/rota/gaps?site=…&amp;days=7</c> (when nobody is on duty at a level in
/// the next days), <c>GET /api/notify/channels</c> (where notices go), <c>POST /api/notify/test</c> (a test notice through every channel, <see cref="Notifying.ChannelTester"/>). Without a
/// configured <see cref="AlertOptions.AdminToken"/> every call is refused (403). Bodies are the records as JSON
/// (camelCase, enums as camelCase strings, durations as <c>hh:mm:ss</c>); a refusal is 400 with the reasons.
/// </summary>
internal static class AdminRoutes
{
    private const int MaxGapDays = 31;

    public static void Map(WebApplication app, AlertAdmin admin, AlertEngine engine, AdminGate gate)
    {
        bool Allowed(HttpContext c) => gate.Allowed(c);

        app.MapGet("/api/rules", (HttpContext c) => Allowed(c) ? Json(admin.Rules()) : gate.Refusal());
        app.MapPut("/api/rules/{id}", async (string id, HttpContext c) =>
        {
            if (!Allowed(c))
            {
                return gate.Refusal();
            }

            var (rule, error) = await ReadAsync<AlertRule>(c, new("rule", "规则")).ConfigureAwait(false);
            return rule is null ? Refused([error!.Value])
                : rule.Id != id ? Refused([new($"the body's id '{rule.Id}' is not '{id}'", $"请求体中的标识“{rule.Id}”不是“{id}”")])
                : Outcome(admin.SaveRule(rule));
        });
        app.MapDelete("/api/rules/{id}", (string id, HttpContext c) =>
        {
            if (!Allowed(c))
            {
                return gate.Refusal();
            }

            admin.DeleteRule(id);
            return Results.NoContent();
        });
        app.MapGet("/api/silences", (HttpContext c) => Allowed(c) ? Json(engine.Silences()) : gate.Refusal());
        app.MapPost("/api/silences", async (HttpContext c) =>
        {
            if (!Allowed(c))
            {
                return gate.Refusal();
            }

            var (silence, error) = await ReadAsync<Silence>(c, new("silence", "静默")).ConfigureAwait(false);
            return silence is null ? Refused([error!.Value]) : Outcome(admin.AddSilence(silence));
        });
        app.MapGet("/api/rota", (HttpContext c) => Allowed(c) ? Json(admin.Rota()) : gate.Refusal());
        app.MapGet("/api/rota/on-duty", (HttpContext c) =>
            Allowed(c) ? Json(admin.OnDuty(c.Request.Query["site"].OfType<string>().Where(s => s.Length > 0))) : gate.Refusal());
        app.MapGet("/api/rota/gaps", (HttpContext c) =>
        {
            if (!Allowed(c))
            {
                return gate.Refusal();
            }

            var days = c.Request.Query["days"].ToString();
            if (days.Length == 0)
            {
                days = "7";
            }

            return int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxGapDays
                ? Json(admin.Gaps(c.Request.Query["site"].OfType<string>().Where(s => s.Length > 0), n))
                : Refused([new($"days '{days}' is not a whole number from 1 to {MaxGapDays}", $"天数“{days}”不是 1 到 {MaxGapDays} 之间的整数")]);
        });
        app.MapGet("/api/notify/channels", (HttpContext c) => Allowed(c) ? Json(admin.Channels?.Channels ?? []) : gate.Refusal());
        app.MapPost("/api/notify/test", async (HttpContext c) =>
        {
            if (!Allowed(c))
            {
                return gate.Refusal();
            }

            var (request, error) = await ReadAsync<TestNoticeRequest>(c, new("test notice request", "测试通知请求")).ConfigureAwait(false);
            if (request is null)
            {
                return Refused([error!.Value]);
            }

            if (admin.Channels is not { } channels)
            {
                return Refused([new("this collector sends no notices", "此采集服务不发送通知")]);
            }

            var (outcome, status, refusal) = await channels.TestAsync(request.Site, request.Level, request.By, c.RequestAborted).ConfigureAwait(false);
            return outcome is not null ? Json(outcome) : Refused([refusal!.Value], status);
        });
        app.MapPut("/api/rota", async (HttpContext c) =>
        {
            if (!Allowed(c))
            {
                return gate.Refusal();
            }

            var (entries, error) = await ReadAsync<List<RotaEntry>>(c, new("rota", "值班表")).ConfigureAwait(false);
            return entries is null ? Refused([error!.Value]) : Outcome(admin.SetRota(entries));
        });
    }

    /// <summary>The body as <typeparamref name="T"/>, or why not, naming what it should have been (<paramref name="what"/>).</summary>
    private static async Task<(T? Value, LocalText? Error)> ReadAsync<T>(HttpContext c, LocalText what)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(c.Request.Body, AlertStore.Json, c.RequestAborted).ConfigureAwait(false);
            return value is null ? (null, new LocalText("the body is empty", "请求体为空")) : (value, null);
        }
        catch (JsonException ex)
        {
            var problem = JsonProblem.Describe(ex);
            return (null, new LocalText($"the body is not a valid {what.English}: {problem}", $"请求体不是有效的{what.Chinese}：{problem}"));
        }
    }

    private static IResult Outcome(IReadOnlyList<LocalText> failures) => failures.Count == 0 ? Results.NoContent() : Refused(failures);

    /// <summary>400 with the reasons: <c>errors</c> in English (scripts, logs), <c>errorsZh</c> the same in Chinese (the dashboard's pages).</summary>
    private static IResult Refused(IReadOnlyList<LocalText> failures, int status = 400) =>
        Results.Text(
            JsonSerializer.Serialize(new { errors = failures.Select(f => f.English), errorsZh = failures.Select(f => f.Chinese) }),
            "application/json",
            statusCode: status);

    /// <summary>The body of <c>POST /api/notify/test</c>: the site and level whose people on duty it names, and who asks.</summary>
    /// <remarks>Properties rather than a positional record: a wrong value's refusal then says what was expected.</remarks>
    private sealed class TestNoticeRequest
    {
        public string? Site { get; init; }

        public int Level { get; init; }

        public string? By { get; init; }
    }

    private static IResult Json<T>(T value) => Results.Text(JsonSerializer.Serialize(value, AlertStore.Json), "application/json");
}
