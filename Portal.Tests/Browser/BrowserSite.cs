using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The portal on real Kestrel (its own cloned database) and one headless Debian Chromium, shared by a test class.
/// Each test opens its own browser context (<see cref="NewPageAsync"/>), so cookies never leak between tests.
/// </summary>
public class BrowserSite : IAsyncLifetime, IDbContextFactory<PortalDb>
{
    /// <summary>Debian's Chromium; Playwright's own browser download is not used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PortalWebFactory Portal { get; } = new StyledPortalFactory();

    /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
    public string BaseAddress { get; private set; } = "";

    public PortalDb CreateDbContext() => TestDatabase.Open(Portal.ConnectionString);

    /// <summary>Runs after the database exists and before the portal starts: add the data the class needs.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Portal).InitializeAsync();
        await ArrangeAsync();
        BaseAddress = Portal.UseRealServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A page in a fresh browser context (no cookies), Vietnamese, 1280×800.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress,
            Locale = "vi-VN",
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)Portal).DisposeAsync();
    }
}

/// <summary>
/// Framework and MudBlazor files are static web assets, served from their packages only when static web assets are
/// switched on, which the host does by itself in Development alone; the test host runs as "Testing".
/// </summary>
internal sealed class StyledPortalFactory : PortalWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}

/// <summary>A site holding the small test tree (province 20, communes A and B, villages).</summary>
public sealed class SmallTreeSite : BrowserSite
{
    public SmallTree Tree { get; private set; } = null!;

    protected override async Task ArrangeAsync() => Tree = await SmallTree.CreateAsync(this);
}

/// <summary>A site seeded with the Development demo data (Lạng Sơn, three communes, agencies, demo accounts).</summary>
public sealed class DemoSite : BrowserSite
{
    public DemoSite() => Portal.SeedDemoData = true;
}
