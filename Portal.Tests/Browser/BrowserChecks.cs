using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>Steps browser tests share: clicking a prerendered button until the circuit answers, and the axe-core check.</summary>
public static class BrowserChecks
{
    /// <summary>The page is prerendered before its circuit connects; a click before that does nothing, so click until it shows.</summary>
    public static async Task ClickUntilAsync(this ILocator button, ILocator shows)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await shows.First.WaitForAsync(new() { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException)
            {
            }
        }
        Assert.Fail($"Clicking {button} never showed {shows}.");
    }

    /// <summary>No serious or critical axe-core violation. Confirmations are taken off the page first (axe would measure
    /// their contrast mid-animation, and on a frozen test clock they never fade out): the page is not used afterwards.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string what)
    {
        await page.EvaluateAsync("document.querySelectorAll('.mud-snackbar').forEach(e => e.remove())");
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {what}:\n" + string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Select(n => n.Html))}")));
    }
}
