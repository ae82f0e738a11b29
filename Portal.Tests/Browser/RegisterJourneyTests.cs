using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>A resident's first visit, in Chromium: register, confirm from the email, log in, see their own name.</summary>
public sealed class RegisterJourneyTests(SmallTreeSite site) : IClassFixture<SmallTreeSite>
{
    [Fact]
    public async Task ShouldRegisterConfirmFromTheEmailLogInAndSeeMyName()
    {
        var page = await site.NewPageAsync();
        const string name = "Hà Thị Lụa";
        const string password = "Nui-Mau-Son-2026";
        var email = $"lua.{Guid.NewGuid():N}@test.example";

        await page.GotoAsync("/Account/Register");
        var form = page.Locator("form:has(input[name='Input.Email'])");
        var asksName = await form.Locator("input[name='Input.DisplayName']").CountAsync() > 0;
        if (asksName) await form.Locator("input[name='Input.DisplayName']").FillAsync(name);
        await form.Locator("input[name='Input.Email']").FillAsync(email);
        await form.Locator("input[name='Input.Password']").FillAsync(password);
        await form.Locator("input[name='Input.ConfirmPassword']").FillAsync(password);
        var asksVillage = await ChooseVillageAsync(form, "na sla", "Nà Sla", site.Tree.VillageA1);
        await form.Locator("button[type=submit]").ClickAsync();
        await ExpectLeftAsync(page, "/Account/Register");

        var mail = site.Portal.Emails().Where(e => PickupEmail.IsTo(e, email)).ToList();
        Assert.True(mail.Count == 1, $"Expected one confirmation email to {email}, found {mail.Count}. Page said: {await page.InnerTextAsync("main")}");
        await page.GotoAsync(PickupEmail.FirstLink(mail[0]));

        await page.GotoAsync("/Account/Login");
        var login = page.Locator("form:has(input[name='Input.Password'])");
        await login.Locator("input[name='Input.Email']").FillAsync(email);
        await login.Locator("input[name='Input.Password']").FillAsync(password);
        await login.Locator("button[type=submit]").ClickAsync();
        await ExpectLeftAsync(page, "/Account/Login");

        // The app bar shows the display name (the template register page, without a name field, leaves the email as name).
        await Expect(page.Locator("header")).ToContainTextAsync(asksName ? name : email);
        // The home page forwards to the remembered locality: check the page it settles on, title included.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page).ToHaveTitleAsync(new Regex(@"\S"));
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "axe-core on the home page, signed in:\n" + string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Select(n => n.Html))}")));

        await using var db = site.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.EmailConfirmed);
        if (asksName) Assert.Equal(name, user.DisplayName);
        if (asksVillage) Assert.Equal(site.Tree.VillageA1, user.HomeUnitId);
    }

    /// <summary>Types into the village type-ahead (accent-free) and picks the result, as a resident would.</summary>
    private static async Task<bool> ChooseVillageAsync(ILocator form, string typed, string expected, int villageId)
    {
        await form.Locator("input[name='Input.HomeUnitName']").FillAsync(typed);
        await form.Page.Locator(".village-results button").Filter(new() { HasText = expected }).First.ClickAsync(new() { Timeout = 10_000 });
        Assert.Equal(villageId.ToString(), await form.Locator("input[name='Input.HomeUnitId']").InputValueAsync());
        return true;
    }

    private static async Task ExpectLeftAsync(IPage page, string path)
    {
        try
        {
            await page.WaitForURLAsync(new Regex("^(?!.*" + Regex.Escape(path) + @"(\?|$))", RegexOptions.IgnoreCase), new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Still on {path} after submitting. Page said: {await page.InnerTextAsync("body")}");
        }
    }
}
