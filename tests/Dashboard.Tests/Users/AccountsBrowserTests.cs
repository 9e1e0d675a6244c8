using System.Net.Http.Json;
using LiveRoom.Dashboard.Users;
using LiveRoom.Dashboard.Tests.Browser;
using Microsoft.Playwright;

namespace LiveRoom.Dashboard.Tests.Users;

/// <summary>
/// The accounts page in Debian's chromium: an admin creates an account (its one-time password shown once, and it signs
/// in with it), changes its roles, gives it a new one-time password and deletes it; a refusal reads in the page's
/// language; the audit log lists what was done. Others are told the page is for admins.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AccountsBrowserTests(BrowserFixture stack) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task Admin_CreatesChangesResetsAndDeletesAnAccount_AuditLogFollows()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await stack.SignInAsync(page, "admin");
        await page.ClickAsync("#accountsLink");
        await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.True(await page.Locator("#users tr[data-user=admin] button.delete").IsDisabledAsync());

        await page.FillAsync("#name", "wang");
        await page.Locator("#sites input[value=demo]").CheckAsync();
        await page.ClickAsync("#save");
        var row = page.Locator("#users tr[data-user=wang]");
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        var first = await page.TextContentAsync("#oneTimePassword");
        Assert.False(string.IsNullOrWhiteSpace(first));
        Assert.Equal(["wang", "technician", "demo", "one-time password not yet changed"], [.. (await row.Locator("td").AllTextContentsAsync()).Take(4)]);

        // The one-time password opens the account (to its password change only).
        await using (var other = await stack.Browser.NewContextAsync())
        {
            var wang = await other.NewPageAsync();
            await wang.GotoAsync(stack.BaseUri.ToString());
            await wang.WaitForSelectorAsync("#login", new PageWaitForSelectorOptions { Timeout = Timeout });
            await wang.FillAsync("#name", "wang");
            await wang.FillAsync("#password", first!);
            await wang.ClickAsync("#signin");
            await wang.WaitForSelectorAsync("#change:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });
        }

        await row.Locator("button.edit").ClickAsync();
        Assert.True(await page.Locator("#name").IsEditableAsync() is false);
        await page.Locator("#roles input[value=manager]").CheckAsync();
        await page.ClickAsync("#save");
        await page.WaitForFunctionAsync("() => document.querySelector('#users tr[data-user=wang] td:nth-child(2)').textContent === 'technician, manager'", null, new PageWaitForFunctionOptions { Timeout = Timeout });

        await row.Locator("button.reset").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('#oneTimePassword')?.textContent !== '{first}'", null, new PageWaitForFunctionOptions { Timeout = Timeout });

        // A second account of the same name: the dashboard's refusal on the page.
        await page.FillAsync("#name", "wang");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });
        Assert.Equal("A user named 'wang' exists.", await page.TextContentAsync("#error"));

        await row.Locator("button.delete").ClickAsync();
        await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = Timeout });
        await page.FillAsync("#filter", "wang");
        var actions = await page.Locator("#audit tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)");
        Assert.Equal(["user.delete", "user.create", "user.password-reset", "user.update", "user.create"], actions.Where(a => a.StartsWith("user.", StringComparison.Ordinal)).ToList());
        // The log names what was done; the id stays in the row for the API's and the exports' readers.
        var deleted = page.Locator("#audit tbody tr[data-action='user.delete'] td");
        Assert.Equal("Account deleted", await deleted.Nth(2).TextContentAsync());
        Assert.Equal("done", await deleted.Nth(4).TextContentAsync());
        await page.FillAsync("#filter", "one-time password given");
        Assert.Equal(["user.password-reset"], await page.Locator("#audit tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "accounts.png"), FullPage = true });
    }

    [Fact]
    public async Task AuditLog_ShowsTheNewest50_ThenAllOnRequest()
    {
        // One account made, its roles changed sixty times and deleted: sixty-two more entries in the log.
        // (Role changes rather than sixty new accounts: each new account hashes a password, which is slow on purpose.)
        using (var admin = await stack.SignedInClientAsync("admin"))
        {
            using var created = await admin.PostAsJsonAsync("api/users/", new CreateUserRequest("bulk", ["technician"], null));
            created.EnsureSuccessStatusCode();
            for (var i = 0; i < 60; i++)
            {
                string[] roles = i % 2 == 0 ? ["manager"] : ["technician"];
                using var changed = await admin.PutAsJsonAsync("api/users/bulk", new UpdateUserRequest(roles, null));
                changed.EnsureSuccessStatusCode();
            }

            using var deleted = await admin.DeleteAsync(new Uri("api/users/bulk", UriKind.Relative));
            deleted.EnsureSuccessStatusCode();
        }

        await using var context = await stack.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await stack.SignInAsync(page, "admin");
        await page.GotoAsync(new Uri(stack.BaseUri, "accounts.html").ToString());
        await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout });

        Assert.Equal(50, await page.Locator("#audit tbody tr").CountAsync());
        var all = int.Parse((await page.TextContentAsync("#auditCount"))!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(all > 60, $"{all} entries");
        Assert.Equal($"Show all {all}", await page.TextContentAsync("#moreAudit"));
        await page.ClickAsync("#moreAudit");
        Assert.Equal(all, await page.Locator("#audit tbody tr").CountAsync());
        Assert.False(await page.IsVisibleAsync("#moreAudit"));
    }

    [Fact]
    public async Task OnAPhone_AccountsAndAuditEntries_AreLabelledCards_NothingScrollsSideways()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await stack.SignInAsync(page, "admin");
        await page.GotoAsync(new Uri(stack.BaseUri, "accounts.html").ToString());
        await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = Timeout });

        Assert.False(await page.IsVisibleAsync("#users thead"));
        Assert.False(await page.IsVisibleAsync("#audit thead"));
        Assert.Equal("状态", await page.Locator("#users tbody tr").First.Locator("td.user-status").GetAttributeAsync("data-label"));
        Assert.Contains("操作", await page.Locator("#audit tbody tr").First.Locator("td[data-label]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.label)"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
    }

    [Fact]
    public async Task Manager_ReadingChinese_IsToldThePageIsForAdmins_NoLinkOffered()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await stack.SignInAsync(page, "manager");
        Assert.Equal(0, await page.Locator("#accountsLink").CountAsync());

        await page.GotoAsync(new Uri(stack.BaseUri, "accounts.html").ToString());
        await page.WaitForSelectorAsync("#error:not([hidden])", new PageWaitForSelectorOptions { Timeout = Timeout });

        Assert.Equal("只有管理员可以管理账号。", await page.TextContentAsync("#error"));
        Assert.False(await page.IsVisibleAsync("#users"));
    }
}
