using LiveRoom.Contracts.Payloads.Lifecycle;
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

        if ((ScheduleRules.CheckId("item", body.Id) ?? ScheduleRules.CheckText("text", body.Text, ScheduleRules.MaxItemText)) is { } problem)
        {
            return Problems.BadRequest("Manual item not added", problem);
        }

        var item = new ManualItem { Id = body.Id!, Text = body.Text!.Trim() };
        if (!c.Store.TryAddManualItem(site, item))
        {
            return Problems.Conflict("Manual item not added", $"Site '{site}' already has an item '{item.Id}'.");
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

        if (ScheduleRules.CheckText("text", body.Text, ScheduleRules.MaxItemText) is { } problem)
        {
            return Problems.BadRequest("Manual item not changed", problem);
        }

        var updated = new ManualItem { Id = item, Text = body.Text!.Trim() };
        if (!c.Store.UpdateManualItem(site, updated))
        {
            return Problems.NotFound("Unknown manual item", $"Site '{site}' has no item '{item}'.");
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
            return Problems.NotFound("Unknown manual item", $"Site '{site}' has no item '{item}'.");
        }

        c.Audit(ScheduleAuditActions.ManualItemDelete, $"{site}/{item}", "ok");
        c.SiteChanged(site);
        return TypedResults.NoContent();
    }
}
