using System.Globalization;
using System.Text.Json;
using LiveRoom.Contracts.Payloads;
using LiveRoom.Contracts.Payloads.Vision;
using LiveRoom.Contracts.Text;
using LiveRoom.Contracts.Topics;
using LiveRoom.Dashboard.Evidence;
using LiveRoom.Dashboard.Schedules;
using LiveRoom.Dashboard.Security;
using LiveRoom.Dashboard.Security.Audit;
using LiveRoom.Dashboard.Security.Sessions;
using LiveRoom.Mqtt;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.References;

/// <summary>
/// Commissioning a room's framing reference from the dashboard (issue 5 item 2): a technician asks the edge for a
/// candidate frame, marks the four regions on it, and saves; each save is a new version (who/when, audit log), pushed
/// retained to the edge, which promotes its own copy of the candidate frame.
/// </summary>
internal static class ReferencesApi
{
    public const string AuditCapture = "reference.capture";
    public const string AuditApprove = "reference.approve";

    public static IEndpointRouteBuilder MapReferencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rooms/{site}/{room}/reference").RequireAuthorization(Policies.View).WithTags("reference");
        api.MapGet("/", Get).WithSummary("The room's approved reference versions and the newest candidate frame");
        api.MapPost("/capture", CaptureAsync).RequireAuthorization(Policies.Operate).RequireCsrf().WithSummary("Ask the edge to capture a candidate reference frame");
        api.MapPut("/", SaveAsync).RequireAuthorization(Policies.Operate).RequireCsrf().WithSummary("Approve a captured candidate with its regions (a new version, pushed to the edge)");
        return app;
    }

    internal static Results<Ok<ReferenceView>, ProblemHttpResult> Get(string site, string room, HttpContext http, ReferenceRepository repository, ThumbnailStore store, EvidenceLink link)
    {
        if (EvidenceApi.Check(site, room, http) is { } problem)
        {
            return problem;
        }

        var history = repository.History(site, room);
        return TypedResults.Ok(new ReferenceView(site, room, history.FirstOrDefault(), history, store.Latest(site, room, candidates: true), link.Unavailable is null));
    }

    internal static async Task<Results<Accepted<CaptureResponse>, ProblemHttpResult>> CaptureAsync(
        string site, string room, HttpContext http, EvidenceLink link, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (EvidenceApi.Check(site, room, http) is { } problem)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var by = http.User.UserName() ?? "unknown";
        var id = "c" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var topic = Topic.Command(site, room, CommandName.Reference);
        var command = new ReferenceCommand { V = SchemaVersion.Current, Action = ReferenceCommand.Capture, CaptureId = id, By = by, Ts = now.ToUnixTimeMilliseconds() };
        try
        {
            await link.PublishAsync(topic, JsonSerializer.SerializeToUtf8Bytes(command, VisionJsonContext.Default.ReferenceCommand), retain: false, cancellationToken);
        }
        catch (Exception ex) when (ex is MqttException or TimeoutException)
        {
            Audit(audit, http, AuditCapture, $"{site}/{room}", "failed", ex.Message);
            return Problems.Problem(
                StatusCodes.Status503ServiceUnavailable,
                Lifecycle.LifecycleApi.NotSent,
                new LocalText($"The capture command was not sent: {ex.Message}", $"截图指令未发送：{ex.Message}"));
        }

        Audit(audit, http, AuditCapture, $"{site}/{room}", "ok", "capture=" + id);
        return TypedResults.Accepted((string?)null, new CaptureResponse(id, topic, by, now));
    }

    internal static async Task<Results<Ok<ReferenceView>, ProblemHttpResult>> SaveAsync(
        string site, string room, ReferenceUpdateRequest body, HttpContext http, ReferenceRepository repository, ReferencePublisher publisher, ThumbnailStore store, EvidenceLink link, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (EvidenceApi.Check(site, room, http) is { } problem)
        {
            return problem;
        }

        var target = $"{site}/{room}";
        if (Identifier.Check(body.CaptureId) is { } bad)
        {
            return Refuse(audit, http, target, new LocalText("captureId: " + bad.English, "截图编号：" + bad.Chinese));
        }

        if (!store.HasCandidate(site, room, body.CaptureId!))
        {
            return Refuse(audit, http, target, new LocalText(
                $"unknown capture id '{body.CaptureId}': no candidate frame with that id has been received from room {target}; capture one first",
                $"未知截图编号“{body.CaptureId}”：尚未收到直播间 {target} 带此编号的候选画面；请先截取一张"));
        }

        if (body.Regions is null)
        {
            return Refuse(audit, http, target, new LocalText("regions are missing", "缺少区域"));
        }

        if (body.Regions.Validate() is { } wrong)
        {
            return Refuse(audit, http, target, new LocalText(wrong, "区域无效：" + wrong));
        }

        var record = repository.Add(site, room, body.CaptureId!, body.Regions!, http.User.UserName() ?? "unknown", time.GetUtcNow());
        string? pushProblem = null;
        try
        {
            await publisher.PublishAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is MqttException or TimeoutException)
        {
            // Stored all the same: the reconnect republishes every room's newest version.
            pushProblem = ex.Message;
        }

        Audit(audit, http, AuditApprove, target, "ok", string.Create(CultureInfo.InvariantCulture, $"version={record.Version} capture={record.CaptureId}{(pushProblem is null ? string.Empty : " not pushed yet: " + pushProblem)}"));
        var history = repository.History(site, room);
        return TypedResults.Ok(new ReferenceView(site, room, record, history, store.Latest(site, room, candidates: true), pushProblem is null && link.Unavailable is null));
    }

    private static ProblemHttpResult Refuse(AuditLog audit, HttpContext http, string target, LocalText reason)
    {
        Audit(audit, http, AuditApprove, target, "refused", reason.English);
        return Problems.BadRequest(new LocalText("Reference not saved", "参考画面未保存"), reason);
    }

    private static void Audit(AuditLog audit, HttpContext http, string action, string target, string outcome, string? detail) =>
        audit.Write(http.User.UserName(), SessionAuthenticationHandler.Ip(http), action, target, outcome, detail);
}
