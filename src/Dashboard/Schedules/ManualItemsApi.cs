using LiveRoom.Contracts.Payloads.Lifecycle;
using LiveRoom.Contracts.Text;
using LiveRoom.Dashboard.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveRoom.Dashboard.Schedules;

/// <summary><c>/api/sites/{site}/manual-items</c>: checklist items a technician confirms by hand (managers and admins edit).</summary>
internal static class ManualItemsApi
{
    public static RouteGroupBuilder MapManualItemsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{site}/manual-items", List).WithSummary("Manual checklist items of a site, in order");
        api.MapPost("/{site}/manual-items", Create).RequireAuthorization(Policies.ManageSites).RequireCsrf().WithSummary("Add a manual item (last)");
        api.MapPut("/{site}/manual-items/{item}", Update).RequireAuthorization(Policies.ManageSites).RequireCsrf().WithSummary("Change a manual item's text");
        api.MapDelete("/{site}/manual-items/{item}", Delete).RequireAuthorization(Policies.ManageSites).RequireCsrf().WithSummary("Remove a manual item");
        return api;
    }

    internal static Results<Ok<IReadOnlyList<ManualItem>>, ProblemHttpResult> List(string site, ScheduleApiContext c) =>
        c.Site(site) is { } found ? TypedResults.Ok(found.Site.Manual) : Problems.UnknownSite(site);

    internal static Results<Created<ManualItem>, ProblemHttpResult> Create(string site, ManualItemRequest body, ScheduleApiContext c)
    {
        if (c.Site(site) is null)
        {
            return Problems.UnknownSite(site);
        }

        if ((ScheduleRules.CheckId(Words.Item, body.Id) ?? ScheduleRules.CheckText(Words.Text, body.Text, ScheduleRules.MaxItemText)) is { } problem)
        {
            return Problems.BadRequest(NotAdded, problem);
        }

        var item = new ManualItem { Id = body.Id!, Text = body.Text!.Trim() };
        if (!c.Store.TryAddManualItem(site, item))
        {
            return Problems.Conflict(NotAdded, new($"Site '{site}' already has an item '{item.Id}'.", $"站点“{site}”已有检查项“{item.Id}”。"));
        }

        c.Audit(ScheduleAuditActions.ManualItemCreate, $"{site}/{item.Id}", "ok", item.Text);
        c.SiteChanged(site);
        return TypedResults.Created($"/api/sites/{site}/manual-items/{item.Id}", item);
    }

    internal static Results<Ok<ManualItem>, ProblemHttpResult> Update(string site, string item, ManualItemRequest body, ScheduleApiContext c)
    {
        if (c.Site(site) is null)
        {
            return Problems.UnknownSite(site);
        }

        if (ScheduleRules.CheckText(Words.Text, body.Text, ScheduleRules.MaxItemText) is { } problem)
        {
            return Problems.BadRequest(new LocalText("Manual item not changed", "人工检查项未修改"), problem);
        }

        var updated = new ManualItem { Id = item, Text = body.Text!.Trim() };
        if (!c.Store.UpdateManualItem(site, updated))
        {
            return UnknownItem(site, item);
        }

        c.Audit(ScheduleAuditActions.ManualItemUpdate, $"{site}/{item}", "ok", updated.Text);
        c.SiteChanged(site);
        return TypedResults.Ok(updated);
    }

    internal static Results<NoContent, ProblemHttpResult> Delete(string site, string item, ScheduleApiContext c)
    {
        if (c.Site(site) is null)
        {
            return Problems.UnknownSite(site);
        }

        if (!c.Store.DeleteManualItem(site, item))
        {
            return UnknownItem(site, item);
        }

        c.Audit(ScheduleAuditActions.ManualItemDelete, $"{site}/{item}", "ok");
        c.SiteChanged(site);
        return TypedResults.NoContent();
    }

    private static LocalText NotAdded => new("Manual item not added", "人工检查项未添加");

    private static ProblemHttpResult UnknownItem(string site, string item) =>
        Problems.NotFound(new LocalText("Unknown manual item", "未知人工检查项"), new LocalText($"Site '{site}' has no item '{item}'.", $"站点“{site}”没有检查项“{item}”。"));
}
