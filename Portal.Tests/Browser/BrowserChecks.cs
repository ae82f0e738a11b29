using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

public static class BrowserChecks
{
    /// <summary>A prerendered button does nothing until the circuit is up: click until what it opens shows.</summary>
    public static async Task ClickUntilAsync(this ILocator button, ILocator shows)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await shows.WaitForAsync(new() { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException)
            {
            }
        }
        Assert.Fail($"Clicking {button} never showed {shows}.");
    }

    /// <summary>No serious or critical axe-core violation on the page. A confirmation fading in would be measured
    /// mid-animation, so open snackbars are closed first.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string what)
    {
        foreach (var close in await page.Locator(".mud-snackbar-close-button").AllAsync()) await close.ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {what}:\n" + string.Join("\n",
            serious.Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Select(n => n.Html))}")));
    }
}
