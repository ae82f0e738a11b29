using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

public static class BrowserSignIn
{
    /// <summary>Signs in through the real login form and waits until the browser has left it.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        var login = page.Locator("form:has(input[name='Input.Password'])");
        await login.Locator("input[name='Input.Email']").FillAsync(email);
        await login.Locator("input[name='Input.Password']").FillAsync(password);
        await login.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"^(?!.*/Account/Login(\?|$))", RegexOptions.IgnoreCase));
    }
}
