using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>The public pages of the demo portal in Chromium: no serious accessibility violation, and the README screenshot.</summary>
public sealed class PublicPagesTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("home")]
    [InlineData("login")]
    [InlineData("register")]
    [InlineData("locality")]
    public async Task ShouldHaveNoSeriousOrCriticalAccessibilityViolation(string which)
    {
        var page = await site.NewPageAsync();
        var path = which switch
        {
            "home" => "/",
            "login" => "/Account/Login",
            "register" => "/Account/Register",
            _ => $"/dia-phuong/{await ThatKheAsync()}",
        };
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        AxeResult result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {path}:\n" + string.Join("\n", serious.Select(Describe)));
    }

    [Fact]
    public async Task ShouldSaveTheReadmeScreenshotOfALocality()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync($"/dia-phuong/{await ThatKheAsync()}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync("document.fonts.ready");
        var file = Path.Combine(RepositoryRoot(), "docs", "screenshots", "home.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        await page.ScreenshotAsync(new() { Path = file });

        var png = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(1280, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(800, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    private async Task<int> ThatKheAsync()
    {
        await using var db = site.CreateDbContext();
        return await db.Units.Where(u => u.Code == "06040").Select(u => u.Id).SingleAsync();
    }

    private static string Describe(AxeResultItem v) =>
        $"[{v.Impact}] {v.Id}: {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}  {n.Html}"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
